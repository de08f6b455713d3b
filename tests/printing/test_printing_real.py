"""The desk's real documents, end to end: through `lp` to a CUPS-PDF queue, scanned back
and verified with `counterdesk verify`, and read back with poppler's tools.

These use a real training desk (the services, signed payloads, numbered letters), not
the sample records of the other printing tests. Tools missing: fail in CI, skip elsewhere.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cups_pdf import QUEUE, remove_outputs, require_queue, wait_for_output
from tests.conftest import require_tool
from tests.test_register import reg

from counterdesk.services.desk import Desk
from counterdesk.services.documents import document_pdf
from counterdesk.services.register import register
from counterdesk.services.staff import StaffSession

NAME = "Nur'aini Ñurul Çahaya"  # an apostrophe and two letters outside ASCII
A4_PT = (595.28, 841.89)


def counterdesk(desk: Desk, *args: str) -> subprocess.CompletedProcess[str]:
    """The `counterdesk` command line in a new process, on the test's desk."""
    env = os.environ | {"COUNTERDESK_PASSWORD": "demo"}
    return subprocess.run(
        [sys.executable, "-m", "counterdesk", "--data-dir", str(desk.paths.root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    pdfinfo = require_tool("pdfinfo", "poppler-utils")
    out = subprocess.run(
        [pdfinfo, "-f", "1", "-l", "99", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    ]


def pdf_text(path: Path) -> str:
    pdftotext = require_tool("pdftotext", "poppler-utils")
    out = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def qr_codes(path: Path, dpi: int) -> list[str]:
    pdftoppm = require_tool("pdftoppm", "poppler-utils")
    zbarimg = require_tool("zbarimg", "zbar-tools")
    prefix = path.with_name(f"{path.stem}-{dpi}")
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", f"{prefix}.png"],
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in out.splitlines() if line]


@pytest.fixture
def receipt(desk: Desk, session: StaffSession) -> str:
    """A letter service's request for a citizen whose name is not plain ASCII."""
    return register(desk, session, reg(desk, name=NAME)).receipt


@pytest.fixture
def printed(receipt: str) -> Iterator[str]:
    """The CUPS-PDF queue is there; whatever it wrote for this receipt is removed after."""
    require_queue()
    yield receipt
    remove_outputs(receipt)


def test_letter_printed_from_the_command_line_reaches_the_queue_on_a4(
    desk: Desk, printed: str, tmp_path: Path
) -> None:
    done = counterdesk(desk, "print", "letter", printed, "--printer", QUEUE, "--staff", "demo")
    assert done.returncode == 0, done.stderr
    assert QUEUE in done.stdout and "letter (" in done.stdout  # "letter (NUMBER): ... -> job"
    # The job's title is "letter RECEIPT"; CUPS-PDF names its file after it.
    output = wait_for_output(printed, tmp_path)
    pages = pdf_pages(output)
    assert len(pages) == 1
    width, height = pages[0]
    # `lp -o media=A4`: the page stays A4, not the queue's default paper
    assert abs(width - A4_PT[0]) <= 3 and abs(height - A4_PT[1]) <= 3, pages
    number = done.stdout.split("(", 1)[1].split(")", 1)[0]
    text = pdf_text(output)
    # CUPS-PDF rewrites the file with Ghostscript, which drops the text mapping of
    # letters outside its 8-bit encoding: they print, but cannot be extracted here.
    assert number in text and "Nur'aini" in text


def test_letter_qr_at_300_dpi_verifies_and_one_changed_character_does_not(
    desk: Desk, session: StaffSession, receipt: str, tmp_path: Path
) -> None:
    pdf, info = document_pdf(desk, session, "letter", receipt)
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    [payload] = qr_codes(path, 300)
    assert payload == info["payload"] and f"|{info['number']}|" in payload

    ok = counterdesk(desk, "verify", payload)
    assert ok.returncode == 0, ok.stderr
    assert info["number"] in ok.stdout and "valid" in ok.stdout

    # one character of the signed text changed: the letter number's first digit
    at = payload.index(f"|{info['number']}|") + 1
    forged = payload[:at] + ("5" if payload[at] != "5" else "6") + payload[at + 1 :]
    assert len(forged) == len(payload) and forged != payload
    bad = counterdesk(desk, "verify", forged)
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: not valid: bad signature")


def test_real_documents_carry_their_numbers_and_the_name(
    desk: Desk, session: StaffSession, receipt: str, tmp_path: Path
) -> None:
    receipt_pdf, _ = document_pdf(desk, session, "receipt", receipt)
    letter_pdf, info = document_pdf(desk, session, "letter", receipt)
    (tmp_path / "receipt.pdf").write_bytes(receipt_pdf)
    (tmp_path / "letter.pdf").write_bytes(letter_pdf)
    on_receipt = pdf_text(tmp_path / "receipt.pdf")
    on_letter = pdf_text(tmp_path / "letter.pdf")
    assert receipt in on_receipt and NAME in on_receipt
    assert info["number"] in on_letter and NAME in on_letter


def test_every_font_of_every_real_document_is_embedded(
    desk: Desk, session: StaffSession, receipt: str, tmp_path: Path
) -> None:
    pdffonts = require_tool("pdffonts", "poppler-utils")
    referral = next(s for s in desk.catalogue.services if s.product == "referral")
    from tests.test_register import valid_fields

    slip = register(
        desk, session, reg(desk, service=referral.code, fields=valid_fields(referral), name=NAME)
    )
    documents = {
        kind: document_pdf(desk, session, kind, receipt)[0]
        for kind in ("ticket", "receipt", "letter")
    }
    documents["referral"] = document_pdf(desk, session, "referral", slip.receipt)[0]
    for kind, pdf in documents.items():
        path = tmp_path / f"{kind}.pdf"
        path.write_bytes(pdf)
        listing = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, check=True)
        rows = [line.split() for line in listing.stdout.splitlines()[2:] if line.strip()]
        assert rows, kind
        for row in rows:
            # name type [type2] encoding emb sub uni object ID
            assert row[-5] == "yes" and row[-4] == "yes", f"{kind}: {row}"
            assert "DejaVu" in row[0], f"{kind}: {row}"


def test_a_missing_queue_fails_in_ci_and_is_skipped_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    require_tool("lpstat", "cups-client")
    queue = "counterdesk-no-such-queue"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=queue):
        require_queue(queue)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=queue):
        require_queue(queue)
