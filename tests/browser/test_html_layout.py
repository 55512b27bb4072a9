"""The report page and a list page on a desktop (1366 px) and a phone (390 px), in headless
Chromium: screenshots of both, no horizontal scroll, chart labels of at least 11 px, no text
over other text (table cells, the chart's names and values) and no value crossed by the
target line.

Skipped, with the reason, only when Chromium is not installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from devtools import Browser

EXPECTED = Path(__file__).resolve().parents[1] / "golden" / "report" / "expected"
PAGES = {"report": EXPECTED / "bao-cao-2026.html",
         "list": EXPECTED / "bao-cao-2026-danh-sach" / "01840.html"}
CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome")
                 if (found := shutil.which(name))), None)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium) — the page is not rendered")]

#: Measured in the page: its width against the viewport's, the chart labels' font sizes, and
#: every pair of texts that overlap (cells of one table row; a chart row's name, bar and
#: value; a chart text and the target line), every cell whose text spills out of it.
MEASURE = """(async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const rects = el => { const r = document.createRange(); r.selectNodeContents(el);
    return [...r.getClientRects()].filter(x => x.width > 0 && x.height > 0); };
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 &&
    a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const root = document.documentElement;
  const out = {scrollWidth: root.scrollWidth, viewport: window.innerWidth, overlaps: []};
  const labels = [...document.querySelectorAll(
    ".bars .name, .bars .value, .bars .axis span, .bars .goal-label span")];
  out.labels = labels.length;
  out.smallest = Math.min(...labels.map(e => parseFloat(getComputedStyle(e).fontSize)));
  const goals = [...document.querySelectorAll(".bars .goal")].map(g => g.getBoundingClientRect());
  for (const el of document.querySelectorAll(".bars .name, .bars .value, .bars .goal-label span"))
    for (const r of rects(el)) for (const g of goals)
      if (hit(r, g)) out.overlaps.push("the target line crosses " + el.textContent);
  const rows = [...document.querySelectorAll("tr")].map(tr => [...tr.children]);
  for (const chart of document.querySelectorAll(".bars")) {
    const items = [...chart.children];
    for (let i = 0; i + 2 < items.length; i += 3) rows.push(items.slice(i, i + 3));
  }
  for (const cells of rows) for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++)
      for (const a of rects(cells[i])) for (const b of rects(cells[j]))
        if (hit(a, b)) out.overlaps.push(cells[i].textContent + " | " + cells[j].textContent);
  for (const cell of document.querySelectorAll("td, th"))
    if (cell.scrollWidth > cell.clientWidth + 1)
      out.overlaps.push("spills out of its cell: " + cell.textContent);
  return out;
})()"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Any:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path_factory.mktemp("profile")) as opened:
        yield opened


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize(("width", "height", "mobile"), [(1366, 768, False), (390, 844, True)],
                         ids=["desktop", "phone"])
def test_the_page_fits_the_screen_with_readable_labels_and_no_text_over_text(
        browser: Browser, tmp_path: Path, page: str, width: int, height: int,
        mobile: bool) -> None:
    browser.open(PAGES[page].as_uri(), width, height, mobile=mobile)
    shot = browser.screenshot(tmp_path / f"{page}-{width}.png")
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 10_000
    measured = browser.evaluate(MEASURE)
    assert measured["viewport"] == width
    assert measured["scrollWidth"] <= width, "the page scrolls sideways"
    assert measured["overlaps"] == []
    if page == "report":
        assert measured["labels"] > 20 and measured["smallest"] >= 11


def test_the_phone_screenshot_is_the_phone_width(browser: Browser, tmp_path: Path) -> None:
    browser.open(PAGES["report"].as_uri(), 390, 844, mobile=True)
    shot = browser.screenshot(tmp_path / "report-390-full.png", full_page=True)
    assert int.from_bytes(shot[16:20], "big") == 390
    assert int.from_bytes(shot[20:24], "big") > 844           # the whole page, taller
