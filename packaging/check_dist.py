"""Test the built folder (dist/counterdesk/) the way a fresh PC would run it. Linux only.

    .venv/bin/python packaging/check_dist.py [--dist dist/counterdesk] [--screenshot FILE]

1. copies the folder to a new temporary place (a moved installation must still work);
2. runs ``counterdesk --version`` and ``counterdesk --self-test`` there under ``env -i``
   (only PATH=/usr/bin:/bin and HOME=<tmp>): no venv, no source tree, no user settings;
3. runs the hub program: ``init``, then ``serve`` on a free port, and fetches its info
   page and dashboard;
4. starts the desk app on its own Xvfb display (QT_QPA_PLATFORM=xcb) with
   ``gui --data-dir <tmp>/desk --training-if-empty``, waits for a top-level window,
   takes a screenshot (default dist/check_dist-screenshot.png), and stops the app.

Needs Debian ``xvfb`` and ``x11-utils`` (xwininfo; ``xdotool`` is used instead when
present). The screenshot is taken with Pillow (from the venv), or ImageMagick's
``import`` when Pillow cannot. Exit 0 when every step passes, else 1.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_PATH = "/usr/bin:/bin"


class CheckFailed(Exception):
    pass


def say(text: str = "") -> None:
    print(text, flush=True)


def indent(text: str) -> str:
    return "\n".join("    | " + line for line in text.rstrip().splitlines())


def clean_env(home: Path, **extra: str) -> list[str]:
    """``env -i`` with only PATH and HOME (and what the step adds)."""
    pairs = {"PATH": BASE_PATH, "HOME": str(home), **extra}
    return ["env", "-i", *(f"{k}={v}" for k, v in pairs.items())]


def run(command: Sequence[str], *, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), capture_output=True, text=True, timeout=timeout, check=False
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def free_display() -> int:
    for n in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise CheckFailed("no free X display number between :90 and :199")


def stop(proc: subprocess.Popen[bytes] | None, name: str) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        say(f"    {name} did not stop on SIGTERM; killing it")
        proc.kill()
        proc.wait(timeout=10)


# steps -----------------------------------------------------------------------------
def step_copy(dist: Path, tmp: Path) -> Path:
    moved = tmp / "moved" / "counterdesk-copy"
    shutil.copytree(dist, moved, symlinks=True)
    size = sum(p.stat().st_size for p in moved.rglob("*") if p.is_file() and not p.is_symlink())
    say(f"ok   copied {dist} -> {moved} ({size / 1_000_000:.1f} MB)")
    return moved


def step_self_test(moved: Path, home: Path) -> None:
    exe = moved / "counterdesk"
    result = run([*clean_env(home), str(exe), "--version"], timeout=60)
    if result.returncode != 0 or not result.stdout.startswith("counterdesk "):
        raise CheckFailed(f"--version exited {result.returncode}:\n{indent(result.stderr)}")
    say(f"ok   counterdesk --version: {result.stdout.strip()}")
    started = time.monotonic()
    result = run([*clean_env(home), str(exe), "--self-test"], timeout=300)
    took = time.monotonic() - started
    say(indent(result.stdout))
    if result.stderr.strip():
        say("    stderr:")
        say(indent(result.stderr))
    if result.returncode != 0:
        raise CheckFailed(f"counterdesk --self-test exited {result.returncode}")
    leftovers = [p.name for p in home.iterdir() if p.name != ".cache"]
    say(f"ok   counterdesk --self-test passed in {took:.1f} s under env -i")
    if leftovers:
        say(f"note the self-test left in HOME: {', '.join(sorted(leftovers))}")


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(response.status), response.read()


def step_hub(moved: Path, tmp: Path, home: Path) -> None:
    exe = moved / "counterdesk-hub"
    data = tmp / "hub"
    result = run([*clean_env(home), str(exe), "--version"], timeout=60)
    if result.returncode != 0:
        raise CheckFailed(f"counterdesk-hub --version exited {result.returncode}")
    say(f"ok   counterdesk-hub --version: {result.stdout.strip()}")
    result = run([*clean_env(home), str(exe), "--data-dir", str(data), "init", "--district", "Uji"])
    if result.returncode != 0:
        raise CheckFailed(
            f"counterdesk-hub init exited {result.returncode}:\n{indent(result.stderr)}"
        )
    port = free_port()
    log = (tmp / "hub.log").open("wb")
    proc = subprocess.Popen(
        [*clean_env(home), str(exe), "--data-dir", str(data), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        info: bytes | None = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, info = _get(f"http://127.0.0.1:{port}/api/v1/")
                break
            except OSError:
                time.sleep(0.3)
        if info is None:
            log.close()
            output = (tmp / "hub.log").read_text(errors="replace")
            raise CheckFailed(f"the hub did not answer on port {port}:\n{indent(output)}")
        keys = sorted(json.loads(info))[:6]
        say(f"ok   counterdesk-hub serve: GET /api/v1/ {status}, keys {', '.join(keys)}")
        status, page = _get(f"http://127.0.0.1:{port}/")
        if status != 200 or b"<html" not in page.lower():
            raise CheckFailed(f"the dashboard answered {status} without HTML")
        say(f"ok   counterdesk-hub dashboard: GET / {status}, {len(page):,} bytes of HTML")
    finally:
        stop(proc, "counterdesk-hub")
        log.close()


def x_env(display: str) -> dict[str, str]:
    return {"PATH": BASE_PATH, "DISPLAY": display, "LANG": "C.UTF-8"}


def x_tool(display: str, *command: str) -> str:
    return subprocess.run(
        list(command), capture_output=True, text=True, env=x_env(display), check=False
    ).stdout


def find_windows(display: str) -> list[tuple[str, str, int, int]]:
    """Viewable top-level windows of at least 100x100: (id, name, width, height)."""
    found = []
    if shutil.which("xdotool"):
        for wid in x_tool(display, "xdotool", "search", "--onlyvisible", "--class", ".").split():
            geometry = x_tool(display, "xdotool", "getwindowgeometry", "--shell", wid)
            size = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
            w, h = int(size.get("WIDTH", 0)), int(size.get("HEIGHT", 0))
            if w >= 100 and h >= 100:
                name = x_tool(display, "xdotool", "getwindowname", wid).strip()
                found.append((wid, name, w, h))
        return found
    for line in x_tool(display, "xwininfo", "-root", "-children").splitlines():
        match = re.match(r'\s*(0x[0-9a-f]+) "(.*)": .*?(\d+)x(\d+)\+', line)
        if not match:
            continue
        wid, name, w, h = match.group(1), match.group(2), int(match.group(3)), int(match.group(4))
        if w >= 100 and h >= 100 and "IsViewable" in x_tool(display, "xwininfo", "-id", wid):
            found.append((wid, name, w, h))
    return found


def describe(window: tuple[str, str, int, int]) -> str:
    wid, name, w, h = window
    return f'{wid} "{name}" {w}x{h}'


def wait_for(
    display: str, app: subprocess.Popen[bytes], timeout: float, *, other_than: str = ""
) -> tuple[str, str, int, int] | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout and app.poll() is None:
        windows = [w for w in find_windows(display) if w[0] != other_than]
        if windows:
            return max(windows, key=lambda w: w[2] * w[3])
        time.sleep(0.25)
    return None


def screenshot(display: str, target: Path) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        from PIL import ImageGrab

        image = ImageGrab.grab(xdisplay=display)
        image.save(target)
        colours = image.getcolors(maxcolors=1_000_000)
        count = len(colours) if colours else 1_000_000
        if count < 4:
            raise CheckFailed(f"the screenshot is blank ({count} colour(s))")
        return f"{image.width}x{image.height}, {count} colours, via Pillow"
    except ImportError:
        pass
    if shutil.which("import"):
        subprocess.run(["import", "-display", display, "-window", "root", str(target)], check=True)
        return "via ImageMagick import"
    raise CheckFailed("cannot take a screenshot: install Pillow or imagemagick")


def log_in(
    display: str,
    app: subprocess.Popen[bytes],
    login: tuple[str, str, int, int],
    shot: Path,
    timeout: float,
) -> None:
    """Type the training password into the login dialog; wait for the main window."""
    wid = login[0]
    x_tool(display, "xdotool", "windowfocus", "--sync", wid)
    x_tool(display, "xdotool", "type", "--delay", "40", "demo")
    x_tool(display, "xdotool", "key", "Return")
    main = wait_for(display, app, timeout, other_than=wid)
    if main is None:
        raise CheckFailed("no main window after logging in as demo/demo")
    say(f"ok   logged in as demo; main window {describe(main)}")
    time.sleep(2)
    main_shot = shot.with_name(shot.stem + "-main" + shot.suffix)
    say(f"ok   screenshot {main_shot}: {screenshot(display, main_shot)}")


def step_gui(moved: Path, tmp: Path, home: Path, shot: Path, timeout: float) -> None:
    for tool in ("Xvfb", "xwininfo"):
        if not shutil.which(tool) and not (tool == "xwininfo" and shutil.which("xdotool")):
            package = {"Xvfb": "xvfb", "xwininfo": "x11-utils"}[tool]
            raise CheckFailed(f"{tool} not found: apt-get install {package}")
    number = free_display()
    display = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app: subprocess.Popen[bytes] | None = None
    log_path = tmp / "gui.log"
    log = log_path.open("wb")
    try:
        socket_path = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 15
        while not socket_path.exists():
            if xvfb.poll() is not None or time.monotonic() > deadline:
                raise CheckFailed(f"Xvfb {display} did not start")
            time.sleep(0.1)
        say(f"ok   Xvfb running on {display}")
        data = tmp / "desk"
        command = [
            *clean_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8"),
            str(moved / "counterdesk"),
            "gui",
            "--data-dir",
            str(data),
            "--training-if-empty",
        ]
        started = time.monotonic()
        app = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        window = wait_for(display, app, timeout)
        if window is None:
            log.flush()
            output = log_path.read_text(errors="replace")
            state = f"exited with {app.returncode}" if app.poll() is not None else "still running"
            raise CheckFailed(
                f"no window within {timeout:.0f} s (the app {state}); its output:\n"
                + indent(output or "(none)")
            )
        tool = "xdotool" if shutil.which("xdotool") else "xwininfo"
        say(f"ok   window after {time.monotonic() - started:.1f} s ({tool}): {describe(window)}")
        time.sleep(1.5)  # let it paint
        say(f"ok   screenshot {shot}: {screenshot(display, shot)}")
        if shutil.which("xdotool"):
            log_in(display, app, window, shot, timeout)
        else:
            say("note xdotool not installed: not logging in to the main window")
        if (data / "desk.sqlite3").exists():
            say("ok   the training desk was created in the given --data-dir")
        else:
            say("note no desk.sqlite3 in the --data-dir (yet)")
    finally:
        stop(app, "counterdesk")
        log.close()
        stop(xvfb, "Xvfb")
    output = log_path.read_text(errors="replace").strip()
    if output:
        say("    app output:")
        say(indent(output))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", default=str(ROOT / "dist" / "counterdesk"), type=Path)
    parser.add_argument(
        "--screenshot", default=str(ROOT / "dist" / "check_dist-screenshot.png"), type=Path
    )
    parser.add_argument("--window-timeout", default=60.0, type=float, metavar="SECONDS")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--skip-gui", action="store_true", help="no Xvfb step")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        say("check_dist.py runs on Linux; on Windows run counterdesk-cli.exe --self-test")
        return 2
    dist: Path = args.dist.resolve()
    if not (dist / "counterdesk").is_file():
        say(f"FAIL {dist}/counterdesk not found; run packaging/build_dist.py first")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="counterdesk-check-"))
    home = tmp / "home"
    home.mkdir()
    failed: list[str] = []
    try:
        moved = step_copy(dist, tmp)
        steps = [
            ("self-test", lambda: step_self_test(moved, home)),
            ("hub", lambda: step_hub(moved, tmp, home)),
        ]
        if not args.skip_gui:
            steps.append(
                ("gui", lambda: step_gui(moved, tmp, home, args.screenshot, args.window_timeout))
            )
        for name, func in steps:
            say(f"--- {name}")
            try:
                func()
            except (CheckFailed, subprocess.SubprocessError, OSError) as exc:
                say(f"FAIL {name}: {exc}")
                failed.append(name)
    finally:
        if args.keep:
            say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if failed:
        say(f"check_dist: FAILED ({', '.join(failed)})")
        return 1
    say("check_dist: all steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
