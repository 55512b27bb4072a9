"""The report page in a real browser: headless Chromium renders the golden page to a PNG
screenshot and prints it to PDF; both must exist and carry content (not a blank page), and the
print stylesheet must put the sections on pages of their own.

Skipped, with the reason, only when Chromium is not installed.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

PAGE = Path(__file__).resolve().parents[1] / "golden" / "report" / "expected" / \
    "bao-cao-2026.html"
CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)
if CHROMIUM is None and Path("/usr/bin/chromium").exists():
    CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium) — the page is not rendered")


def render(tmp_path: Path, *flags: str) -> None:
    assert CHROMIUM is not None
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / 'profile'}", *flags, PAGE.as_uri()]
    done = subprocess.run(command, capture_output=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]


def png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) scanlines of a PNG, read with the standard library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    width = height = channels = 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    return width, height, [raw[i * stride:(i + 1) * stride] for i in range(height)]


def test_the_page_renders_to_a_screenshot_with_content(tmp_path: Path) -> None:
    shot = tmp_path / "page.png"
    render(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists() and shot.stat().st_size > 20_000
    width, height, rows = png_rows(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    # a blank page repeats one scanline; text, tables and charts make hundreds of them
    assert len(set(rows)) > 300


def test_the_page_prints_to_pdf_one_section_a_page(tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    render(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000
    pages = max(int(n) for n in re.findall(rb"/Count (\d+)", data))
    sections = PAGE.read_text("utf-8").count("<section")
    assert pages >= sections     # each section after the summary starts a new page
