"""The web report at province scale: the report page's size and first paint, and the time
to write every commune's list pages.

    python benchmarks/html_report.py                          # 1,000,000 households
    python benchmarks/html_report.py --households 100000 --communes 60 --no-lists

The report is the Bắc Kạn city example's (``examples/bac-kan-city/2024`` against the
``bac-kan-city`` targets) grown to a synthetic province: `--communes` communes, each with
the example's figures, and recognition lists sized from `--households` as a province's would
be (learning families ≈ 90 % of households, learning citizens ≈ one per household, a clan per
400 households, a village per 278, a unit per 1,000; the same shares as
``national_data``). The example's page is written too, for its size.

First paint is ``first-contentful-paint`` of the report page opened from disk in headless
Chromium (1366 × 768), over the DevTools pipe of ``tests/browser/devtools.py``; the best of
`--repeat` loads in one browser. Nothing is asserted about time.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

import learning_models as lm
from learning_models._report.html import render_html, write_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from devtools import Browser  # noqa: E402

#: Recognised subjects per household, by model (as `national_data` draws them).
PER_HOUSEHOLD = {"family": 0.9, "citizen": 1.0, "clan": 1 / 400, "community": 1 / 278,
                 "unit": 1 / 1000}


def example_report() -> lm.Report:
    data = ROOT / "examples" / "bac-kan-city" / "2024"
    evaluation = lm.evaluate_dataset(lm.read_dataset(data), year=2024,
                                     catalog=lm.Catalog.default())
    targets = lm.load_targets("bac-kan-city")
    return lm.build_report(evaluation, lm.rollup(evaluation, targets), targets=targets)


def province(report: lm.Report, communes: int, households: int) -> lm.Report:
    """`report` with `communes` communes like its first and lists sized for `households`."""
    codes = [f"19{n:03d}" for n in range(1, communes + 1)]
    names = [f"Xã Thử Nghiệm {n}" for n in range(1, communes + 1)]
    summary = [a for a in report.summary if a.level != "commune"]
    first = next(a for a in report.summary if a.level == "commune")
    summary += [dataclasses.replace(first, code=c, name=n)
                for c, n in zip(codes, names, strict=True)]
    tables = []
    for table in report.tables:
        row = table.rows[0]
        rows = [dataclasses.replace(row, code=c, name=n) for c, n in zip(codes, names, strict=True)]
        tables.append(dataclasses.replace(table, rows=(*rows, table.rows[-1])))
    samples = {e.model: e for listed in report.lists for e in listed.entries}
    lists = []
    for code, name in zip(codes, names, strict=True):
        entries = tuple(dataclasses.replace(samples[m], id=f"{code}-{m}-{k}")
                        for m in samples
                        for k in range(round(households * PER_HOUSEHOLD[m] / communes)))
        lists.append(dataclasses.replace(report.lists[0], code=code, name=name,
                                         entries=entries))
    return dataclasses.replace(report, summary=tuple(summary), tables=tuple(tables),
                               lists=tuple(lists))


#: The page's first-contentful-paint time, once the browser has recorded it.
FIRST_PAINT = """new Promise(done => new PerformanceObserver(found =>
  done(found.getEntriesByName('first-contentful-paint')[0].startTime))
  .observe({type: 'paint', buffered: true}))"""


def first_paint(page: Path, repeat: int) -> float:
    with tempfile.TemporaryDirectory() as profile, \
            Browser("chromium", Path(profile)) as browser:
        times = []
        for _ in range(repeat):
            browser.open(page.as_uri(), 1366, 768)
            times.append(browser.evaluate(FIRST_PAINT))
        return float(min(times))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=1_000_000)
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-lists", action="store_true", help="write the report page only")
    args = parser.parse_args()
    example = example_report()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        written = write_html(example, out / "city" / "bao-cao-2024.html")
        city = written[0].stat().st_size
        print(f"example city: page {city:,} bytes, {len(written) - 1} list pages, "
              f"first paint {first_paint(written[0], args.repeat):.0f} ms")
        big = province(example, args.communes, args.households)
        listed = sum(len(c.entries) for c in big.lists)
        page = out / "province" / "bao-cao-2024.html"
        started = time.perf_counter()
        if args.no_lists:
            page.parent.mkdir(parents=True)
            page.write_text(render_html(big), encoding="utf-8")
            pages = 0
        else:
            pages = len(write_html(big, page)) - 1
        took = time.perf_counter() - started
        print(f"province: {args.households:,} households, {args.communes} communes, "
              f"{listed:,} listed subjects; page {page.stat().st_size:,} bytes, "
              f"{pages:,} list pages, written in {took:.1f} s, "
              f"first paint {first_paint(page, args.repeat):.0f} ms")


if __name__ == "__main__":
    main()
