"""How ``evaluate`` prints as text: its results table with the counts in a sentence, and
the rejected records on standard error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from .._criteria import Lang
from .._evidence import RecordError
from .._report import LABELS as REPORT_LABELS
from .._report import Writer, format_number
from .._scoring import Evaluations, word
from .._words import CLI_WORDS as WORDS

__all__ = ["SHOWN_ERRORS", "counts_sentence", "print_errors", "print_rows", "print_table"]


#: How many problems ``evaluate`` shows on standard error; all are in ``--errors FILE`` and
#: in the JSON output.
SHOWN_ERRORS = 20


def print_errors(errors: Sequence[RecordError], lang: Lang, see: str, stream: TextIO,
                 ) -> None:
    """The rejected records, a line each — but one line for a problem many records share
    (a column the set does not declare, a required input missing in every row) — at most
    `SHOWN_ERRORS` lines, then how many more there are and where to `see` them."""
    groups: dict[tuple[str | None, str, str | None, str], list[RecordError]] = {}
    for error in errors:
        groups.setdefault((error.file, error.code, error.field, error.message), []).append(error)
    shown = list(groups.values())
    for same in shown[:SHOWN_ERRORS]:
        more = WORDS["same"][lang].format(n=len(same) - 1) if len(same) > 1 else ""
        print(same[0].format(lang) + more, file=stream)
    rest = sum(len(same) for same in shown[SHOWN_ERRORS:])
    if rest:
        print(WORDS["more"][lang].format(n=rest, see=see), file=stream)


def print_table(results: Evaluations, lang: Lang, out: TextIO) -> None:
    """A line per subject (id, points, status, grade), then the counts."""
    print_rows(results, lang, out)
    out.write(counts_sentence(results.counts(), lang) + "\n")


def print_rows(results: Evaluations, lang: Lang, out: Writer) -> None:
    """A line per subject: id, points, status and grade, separated by tabs."""
    grades = {g.id: g.title.get(lang) for g in results.program.spec.recognition.grades}
    for e in results:
        grade = grades.get(e.grade, "") if e.grade else ""
        if e.grade_range is not None and e.status == "recognised":
            low, high = (grades.get(g, "—") if g else "—" for g in e.grade_range)
            grade = REPORT_LABELS["grade_range"][lang].format(low=low, high=high)
        out.write(f"{e.subject}\t{e.total:g}/{e.max_total:g}\t{word(e.status, lang)}"
                  f"{chr(9) + grade if grade else ''}\n")


def counts_sentence(counts: dict[str, int], lang: Lang) -> str:
    """The counts in a sentence, grouped as the language groups thousands (12.345 in vi)."""
    n = {k: format_number(v, lang) for k, v in counts.items()}
    evaluated = format_number(
        counts["recognised"] + counts["not_recognised"] + counts["incomplete"], lang)
    if lang == "en":
        return (f"{evaluated} evaluated: {n['recognised']} recognised, "
                f"{n['not_recognised']} not recognised, {n['incomplete']} incomplete; "
                f"{n['rejected']} records rejected")
    return (f"{evaluated} hồ sơ đã đánh giá: {n['recognised']} đạt, "
            f"{n['not_recognised']} không đạt, {n['incomplete']} chưa đủ minh chứng; "
            f"{n['rejected']} hồ sơ bị từ chối")
