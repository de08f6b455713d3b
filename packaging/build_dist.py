"""Build the one-folder distribution of counterdesk with PyInstaller, and its archive.

    .venv/bin/python packaging/build_dist.py [--clean] [--no-archive]

Steps: compile the translations (.ts -> .qm), draw the icon if it is missing, run
PyInstaller with packaging/pyinstaller/counterdesk.spec into dist/counterdesk/, smoke-test
``counterdesk --version``, then write

    dist/counterdesk-<version>-<os>-<arch>.tar.gz     (.zip on Windows)
    dist/counterdesk.desktop + dist/counterdesk.png   (Linux; also inside the folder, share/)

and print the folder and archive sizes. Run packaging/check_dist.py afterwards to test the
result from another folder, without the source tree or the venv.

Works the same on Windows (``.venv\\Scripts\\python packaging\\build_dist.py``); see
packaging/windows/README.md for the installer.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "counterdesk.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP = "counterdesk"
ICON_PNG = ROOT / "resources" / "icons" / "counterdesk.png"
ICON_ICO = ROOT / "resources" / "icons" / "counterdesk.ico"

DESKTOP_ENTRY = r"""[Desktop Entry]
Type=Application
Version=1.1
Name=counterdesk
GenericName=Service counter
GenericName[id]=Loket layanan
Comment=Register and track walk-in service requests, offline
Comment[id]=Mencatat dan melacak permohonan layanan di loket, tanpa internet
Exec=counterdesk gui
TryExec=counterdesk
Icon=counterdesk
Terminal=false
Categories=Office;
Keywords=loket;layanan;PATEN;service;counter;
StartupWMClass=counterdesk
Actions=training;

[Desktop Action training]
Name=counterdesk (training)
Name[id]=counterdesk (latihan)
Exec=sh -c "exec counterdesk gui --data-dir \\"\\$HOME/.local/share/counterdesk-training\\" --training-if-empty"
"""  # noqa: E501 - an Exec line cannot be wrapped
# The training desk lives in its own folder: a training desk in the real data folder would
# stand in the way of enrolling the desk later.


def version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from counterdesk import __version__

    return __version__


def os_arch() -> tuple[str, str]:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return system, arch


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def run(command: list[str], **kwargs: object) -> None:
    print("    $ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def compile_translations() -> None:
    if importlib.util.find_spec("counterdesk.gui.build_translations") is None:
        print("    counterdesk.gui.build_translations not found; using the .qm files as they are")
        return
    run([sys.executable, "-m", "counterdesk.gui.build_translations"])


def ensure_icon() -> None:
    if ICON_PNG.exists() and ICON_ICO.exists():
        return
    run([sys.executable, str(ROOT / "packaging" / "icons" / "make_icon.py")])


def pyinstaller(clean: bool) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if clean:
        command.append("--clean")
    run([*command, str(SPEC)])
    folder = DIST / APP
    exe = folder / (APP + ".exe" if sys.platform == "win32" else APP)
    if not exe.exists():
        raise SystemExit(f"error: PyInstaller did not produce {exe}")
    return folder


def smoke_test(folder: Path) -> None:
    name = "counterdesk-cli.exe" if sys.platform == "win32" else APP
    result = subprocess.run(
        [str(folder / name), "--version"], capture_output=True, text=True, timeout=120
    )
    out = result.stdout.strip()
    print(f"    {name} --version -> {out or result.stderr.strip()}")
    if result.returncode != 0 or not out.startswith("counterdesk "):
        raise SystemExit("error: the built program does not start")


def linux_desktop_files(folder: Path) -> list[Path]:
    share = folder / "share"
    apps = share / "applications"
    icons = share / "icons" / "hicolor" / "256x256" / "apps"
    apps.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    (apps / "counterdesk.desktop").write_text(DESKTOP_ENTRY, encoding="utf-8")
    shutil.copy2(ICON_PNG, icons / "counterdesk.png")
    desktop = DIST / "counterdesk.desktop"
    icon = DIST / "counterdesk.png"
    desktop.write_text(DESKTOP_ENTRY, encoding="utf-8")
    shutil.copy2(ICON_PNG, icon)
    return [desktop, icon]


def archive(folder: Path, name: str) -> Path:
    if sys.platform == "win32":
        target = DIST / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(folder.rglob("*")):
                zf.write(path, Path(APP, path.relative_to(folder)))
        return target
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tf:
        tf.add(folder, arcname=APP)  # keeps symlinks and the executable bits
    return target


def folder_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="only build the folder")
    args = parser.parse_args()
    os.chdir(ROOT)
    started = time.monotonic()
    ver = version()
    system, arch = os_arch()
    step(f"counterdesk {ver} for {system}-{arch}, Python {platform.python_version()}")

    step("compiling translations")
    compile_translations()
    ensure_icon()

    step("running PyInstaller (a few minutes)")
    t0 = time.monotonic()
    folder = pyinstaller(args.clean)
    pyinstaller_seconds = time.monotonic() - t0
    smoke_test(folder)

    extra: list[Path] = []
    if system == "linux":
        extra = linux_desktop_files(folder)

    archive_path = None
    if not args.no_archive:
        step("writing the archive")
        old = list(DIST.glob(f"{APP}-*-{system}-{arch}.*"))
        for path in old:
            path.unlink()
        archive_path = archive(folder, f"{APP}-{ver}-{system}-{arch}")

    step("done")
    print(f"    folder   {folder.relative_to(ROOT)}/  {mb(folder_bytes(folder))}")
    if archive_path is not None:
        size = archive_path.stat().st_size
        print(f"    archive  {archive_path.relative_to(ROOT)}  {mb(size)}")
    for path in extra:
        print(f"    also     {path.relative_to(ROOT)}")
    total = time.monotonic() - started
    print(f"    time     {total:.0f} s (PyInstaller {pyinstaller_seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        print(f"error: {' '.join(map(str, exc.cmd))} failed with exit code {exc.returncode}")
        sys.exit(1)
