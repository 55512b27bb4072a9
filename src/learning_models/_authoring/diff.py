"""What changed between two criteria sets: the news an official needs when a set is issued.

`diff_sets(old, new)` compares two complete (resolved) sets and returns a `SetDiff`: plain,
frozen data listing the changes of the set itself (period, titles, pass rule, maximum
total, source), of its grades, inputs, derived values, criteria and indicators. Items are
matched by id (or name); an indicator found under another criterion has *moved*.

Expressions are compared by meaning, not by spelling: each is parsed and rendered in its
canonical form (`_expressions.ir.render`), so re-spacing a condition is not a change, and a changed
condition is shown in canonical form.

`SetDiff.to_dict()` is the JSON form (stable keys, items in the new set's order, removed
items after them in the old set's order); `SetDiff.format(lang)` is the text an official
reads, Vietnamese by default, grouped by criterion, one change a line, marked ``+`` (added),
``−`` (removed) or ``~`` (changed). The text says every word in the language asked (input
types and models too); a change of something that stays reads ``old → new`` (``không có`` /
``none`` for what one side lacks); sets of two different models are said to be so first.

The values of an enum input that stays an enum are compared one by one, with their labels:
a value added, removed or relabelled is a ``value`` field of its own (an `EnumChoice` on
either side), and ``values`` (the list) changes only when the values both sets have are in
another order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from .._criteria import (
    CriteriaSet,
    Criterion,
    Document,
    EnumValue,
    Grade,
    Indicator,
    InputSpec,
    Lang,
    Text,
)
from .._documents import check_lang
from .._expressions import parse_expression, render
from .._words import DIFF_VALUE_WORDS as _VALUE_WORDS
from .._words import DIFF_WORDS as _WORDS
from ..errors import CriteriaError

__all__ = [
    "CriterionRef",
    "EnumChoice",
    "FieldChange",
    "ItemChange",
    "LevelRow",
    "SetDiff",
    "SetRef",
    "diff_sets",
]

T = TypeVar("T")
_Identified = TypeVar("_Identified", Grade, Criterion)

ChangeKind = Literal["added", "removed", "changed"]
ItemKind = Literal["grade", "input", "derived", "criterion", "indicator"]


@dataclass(frozen=True, slots=True)
class LevelRow:
    """One row of a graded indicator: its condition (canonical text) and points."""

    when: str
    points: float


@dataclass(frozen=True, slots=True)
class EnumChoice:
    """One value of an enum input and its labels (None when the set writes it plain)."""

    value: str
    label: Text | None = None


Value = str | float | bool | EnumChoice | tuple[str, ...] | tuple[LevelRow, ...] | None
"""A compared value: text, a number, true/false, an enum value with its labels, enum values,
levels; None when absent."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field that differs: its name (e.g. ``points``, ``title.vi``), old and new value.

    For an added item every field it has is listed with ``old`` None; for a removed one,
    with ``new`` None. A changed enum input has one ``value`` field for each value added
    (``old`` None), removed (``new`` None) or relabelled (both `EnumChoice`s).
    """

    field: str
    old: Value
    new: Value


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A grade, input, derived value, criterion or indicator added, removed or changed.

    ``title`` is the new title (the old one when removed); ``criterion`` is, for an
    indicator, the criterion it belongs to in the new set (the old one when removed).
    """

    kind: ItemKind
    id: str
    change: ChangeKind
    fields: tuple[FieldChange, ...] = ()
    title: Text | None = None
    criterion: str | None = None

    def field(self, name: str) -> FieldChange | None:
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True, slots=True)
class SetRef:
    """Which set a side of the comparison is (and of which model)."""

    id: str
    period: str
    title: Text
    model: str = ""


@dataclass(frozen=True, slots=True)
class CriterionRef:
    """A criterion's id and title: a heading the text groups changes under."""

    id: str
    title: Text


@dataclass(frozen=True, slots=True)
class SetDiff:
    """Every difference between two criteria sets, `old` → `new`."""

    old: SetRef
    new: SetRef
    changes: tuple[FieldChange, ...]      # of the set itself
    grades: tuple[ItemChange, ...]
    inputs: tuple[ItemChange, ...]
    derived: tuple[ItemChange, ...]
    criteria: tuple[ItemChange, ...]
    indicators: tuple[ItemChange, ...]
    # Every criterion of either set (the new set's order, then those removed): headings for
    # the text, not a change; not part of `is_empty` nor of the JSON form.
    outline: tuple[CriterionRef, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the sets have the same meaning (ids aside)."""
        return not (self.changes or self.grades or self.inputs or self.derived
                    or self.criteria or self.indicators)

    def to_dict(self) -> dict[str, Any]:
        """The diff as JSON-ready data, with stable keys and a deterministic order."""
        return {
            "old": _ref_dict(self.old),
            "new": _ref_dict(self.new),
            "changes": [_field_dict(f) for f in self.changes],
            "grades": [_item_dict(i) for i in self.grades],
            "inputs": [_item_dict(i) for i in self.inputs],
            "derived": [_item_dict(i) for i in self.derived],
            "criteria": [_item_dict(i) for i in self.criteria],
            "indicators": [_item_dict(i) for i in self.indicators],
        }

    def format(self, lang: Lang = "vi") -> str:
        """The diff as text for an official, in Vietnamese (default) or English."""
        check_lang(lang)
        return _Formatter(self, lang).text()


# --------------------------------------------------------------------------- comparing


def diff_sets(old: CriteriaSet, new: CriteriaSet) -> SetDiff:
    """Everything that changes from `old` to `new` (both complete, resolved sets)."""
    return SetDiff(
        old=SetRef(old.id, old.period, old.title, old.model),
        new=SetRef(new.id, new.period, new.title, new.model),
        changes=tuple(_set_changes(old, new)),
        grades=tuple(_keyed(_by_id(old.recognition.grades), _by_id(new.recognition.grades),
                            "grade", _grade_fields)),
        inputs=tuple(_keyed(old.inputs, new.inputs, "input", _input_fields)),
        derived=tuple(_keyed(old.derived, new.derived, "derived", _derived_fields)),
        criteria=tuple(_keyed(_by_id(old.criteria), _by_id(new.criteria), "criterion",
                              _criterion_fields)),
        indicators=tuple(_indicator_changes(old, new)),
        outline=tuple(CriterionRef(c.id, c.title) for c in new.criteria) + tuple(
            CriterionRef(c.id, c.title) for c in old.criteria
            if c.id not in {n.id for n in new.criteria}),
    )


def _by_id(items: tuple[_Identified, ...]) -> dict[str, _Identified]:
    return {item.id: item for item in items}


def _maybe_expression(text: str | None) -> str | None:
    return None if text is None else _expression(text)


def _expression(text: str) -> str:
    """The canonical text of an expression (its own text, re-spaced, if it does not parse)."""
    try:
        return render(parse_expression(text, None))
    except CriteriaError:
        return " ".join(text.split())


def _compare(pairs: Iterator[tuple[str, Value, Value]]) -> Iterator[FieldChange]:
    for name, a, b in pairs:
        if a != b:
            yield FieldChange(name, a, b)


def _set_changes(old: CriteriaSet, new: CriteriaSet) -> Iterator[FieldChange]:
    yield from _compare(iter([
        ("model", old.model, new.model),
        ("period", old.period, new.period),
        ("applies_to", _maybe_expression(old.applies_to), _maybe_expression(new.applies_to)),
        ("title.vi", old.title.vi, new.title.vi),
        ("title.en", old.title.en, new.title.en),
        ("pass", _expression(old.recognition.pass_), _expression(new.recognition.pass_)),
        ("max_total", old.max_total, new.max_total),
        ("source.document", old.source.document, new.source.document),
        ("source.issuer", old.source.issuer, new.source.issuer),
        ("source.date", old.source.date, new.source.date),
        ("source.url", old.source.url, new.source.url),
        ("source.verified", old.source.verified, new.source.verified),
    ]))


def _keyed(old: Mapping[str, T], new: Mapping[str, T], kind: ItemKind,
           fields: Callable[[T | None, T | None], Iterator[FieldChange]],
           ) -> Iterator[ItemChange]:
    """Items of `new` added or changed (in its order), then those removed (in `old`'s)."""
    for key, item in new.items():
        before = old.get(key)
        found = tuple(fields(before, item))
        if before is None:
            yield ItemChange(kind, key, "added", found, _title(item))
        elif found:
            yield ItemChange(kind, key, "changed", found, _title(item))
    for key, item in old.items():
        if key not in new:
            yield ItemChange(kind, key, "removed", tuple(fields(item, None)), _title(item))


def _title(item: object) -> Text | None:
    title = getattr(item, "title", None)
    return title if isinstance(title, Text) else None


def _pairs(old: T | None, new: T | None,
           getters: Mapping[str, Callable[[T], Value]]) -> Iterator[tuple[str, Value, Value]]:
    for name, get in getters.items():
        yield (name, None if old is None else get(old), None if new is None else get(new))


_GRADE: dict[str, Callable[[Grade], Value]] = {
    "min": lambda g: g.min,
    "when": lambda g: None if g.when is None else _expression(g.when),
    "title.vi": lambda g: g.title.vi,
    "title.en": lambda g: g.title.en,
}
_INPUT: dict[str, Callable[[InputSpec], Value]] = {
    "type": lambda i: i.type,
    "values": lambda i: i.values,
    "minimum": lambda i: i.minimum,
    "maximum": lambda i: i.maximum,
    "required": lambda i: i.required,
    "from.when": lambda i: _expression(when) if (
        when := getattr(i.from_, "when", None)) is not None else None,
}
_CRITERION: dict[str, Callable[[Criterion], Value]] = {
    "title.vi": lambda c: c.title.vi,
    "title.en": lambda c: c.title.en,
    "applies": lambda c: None if c.applies is None else _expression(c.applies),
}


def _grade_fields(old: Grade | None, new: Grade | None) -> Iterator[FieldChange]:
    found = _compare(_pairs(old, new, _GRADE))
    if old is not None and new is not None:
        return found
    # the title is the item's own
    return (f for f in found if f.field in ("min", "when")
            and _given(f.new if f.old is None else f.old))


def _input_fields(old: InputSpec | None, new: InputSpec | None) -> Iterator[FieldChange]:
    found = _compare(_pairs(old, new, _INPUT))
    if old is None or new is None:
        # An input added or removed: say what it was, not every default.
        return (f for f in found
                if f.field == "type" or _given(f.new if f.old is None else f.old))
    if old.choices is None or new.choices is None:
        return found
    # Two enums: each value that changes, where the list of values would be.
    rest = [f for f in found if f.field != "values"]
    return iter([*(f for f in rest if f.field == "type"),
                 *_choice_changes(old.choices, new.choices),
                 *(f for f in rest if f.field != "type")])


def _choice(choice: str | EnumValue) -> EnumChoice:
    return EnumChoice(choice) if isinstance(choice, str) else \
        EnumChoice(choice.value, choice.label)


def _choice_changes(old: tuple[str | EnumValue, ...], new: tuple[str | EnumValue, ...],
                    ) -> Iterator[FieldChange]:
    """Values added or relabelled (in `new`'s order), removed (in `old`'s), then the list
    when the values both have are in another order."""
    before = {c.value: c for c in map(_choice, old)}
    after = {c.value: c for c in map(_choice, new)}
    yield from _compare(iter([*(("value", before.get(k), c) for k, c in after.items()),
                              *(("value", c, None) for k, c in before.items()
                                if k not in after)]))
    kept = [k for k in after if k in before]
    if kept != [k for k in before if k in after]:
        yield FieldChange("values", tuple(before), tuple(after))


def _given(value: Value) -> bool:
    """Whether a field of an added or removed item says something (not absent, not false)."""
    return value is not None and value is not False


def _derived_fields(old: str | None, new: str | None) -> Iterator[FieldChange]:
    a = None if old is None else _expression(old)
    b = None if new is None else _expression(new)
    return _compare(iter([("expression", a, b)]))


def _criterion_fields(old: Criterion | None, new: Criterion | None) -> Iterator[FieldChange]:
    found = _compare(_pairs(old, new, _CRITERION))
    if old is None or new is None:  # its indicators are listed one by one; its condition
        return (f for f in found if f.field == "applies")
    return found


def _levels(ind: Indicator) -> tuple[LevelRow, ...] | None:
    if ind.levels is None:
        return None
    return tuple(LevelRow(_expression(level.when), level.points) for level in ind.levels)


def _indicator_values(spec: CriteriaSet, ind: Indicator, criterion: str,
                      ) -> dict[str, Value]:
    return {
        "criterion": criterion,
        "title.vi": ind.title.vi,
        "title.en": ind.title.en,
        "points": ind.points,
        "mandatory": ind.mandatory,
        "when": None if ind.when is None else _expression(ind.when),
        "levels": _levels(ind),
        "awarded": None if ind.awarded is None else _expression(ind.awarded),
        "applies": None if ind.applies is None else _expression(ind.applies),
        "items": None if ind.items is None else
        tuple(f"{item.id}: {_expression(item.when)}" for item in ind.items),
        "documents": tuple(e.id for e in ind.evidence if isinstance(e, Document)) or None,
        "required_documents": tuple(d.id for d in ind.required_documents) or None,
        "verified": (ind.source or spec.source).verified,
    }


def _indicator_changes(old: CriteriaSet, new: CriteriaSet) -> Iterator[ItemChange]:
    before = {i.id: (c.id, i) for c in old.criteria for i in c.indicators}
    after = {i.id: (c.id, i) for c in new.criteria for i in c.indicators}
    for ident, (cid, ind) in after.items():
        b = _indicator_values(new, ind, cid)
        if ident not in before:
            yield ItemChange("indicator", ident, "added", tuple(_described(b, new=True)),
                             ind.title, cid)
            continue
        old_cid, old_ind = before[ident]
        a = _indicator_values(old, old_ind, old_cid)
        if old_ind.source is None and ind.source is None:
            del a["verified"], b["verified"]  # both follow their set: a set-level change
        found = tuple(_compare((k, a[k], b[k]) for k in a))
        if found:
            yield ItemChange("indicator", ident, "changed", found, ind.title, cid)
    for ident, (cid, ind) in before.items():
        if ident not in after:
            a = _indicator_values(old, ind, cid)
            yield ItemChange("indicator", ident, "removed", tuple(_described(a, new=False)),
                             ind.title, cid)


def _described(values: dict[str, Value], *, new: bool) -> Iterator[FieldChange]:
    """What an added (or removed) indicator is: points, mandatory, condition, levels or the
    points awarded, for whom it applies, its checklist and its named documents."""
    for key in ("points", "mandatory", "when", "levels", "awarded", "applies", "items",
                "documents", "required_documents"):
        value = values[key]
        if value is None or value is False:
            continue
        yield FieldChange(key, None, value) if new else FieldChange(key, value, None)


# --------------------------------------------------------------------------- JSON


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _json(value: Value) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, EnumChoice):
        return {"value": value.value, "label": _text_dict(value.label)}
    return [{"when": v.when, "points": _number(v.points)} if isinstance(v, LevelRow) else v
            for v in value]


def _text_dict(text: Text | None) -> dict[str, str] | None:
    return None if text is None else {"vi": text.vi, "en": text.en}


def _ref_dict(ref: SetRef) -> dict[str, Any]:
    return {"id": ref.id, "model": ref.model, "period": ref.period,
            "title": _text_dict(ref.title)}


def _field_dict(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "old": _json(change.old), "new": _json(change.new)}


def _item_dict(item: ItemChange) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "change": item.change}
    if item.kind == "indicator":
        data["criterion"] = item.criterion
    if item.title is not None:
        data["title"] = _text_dict(item.title)
    data["fields"] = [_field_dict(f) for f in item.fields]
    return data


# --------------------------------------------------------------------------- text

MARKS: dict[ChangeKind, str] = {"added": "+", "removed": "−", "changed": "~"}




class _Formatter:
    def __init__(self, diff: SetDiff, lang: Lang) -> None:
        self.diff, self.lang = diff, lang

    def word(self, key: str) -> str:
        return _WORDS[key][self.lang]

    def value(self, value: Value) -> str:
        if value is None:
            return self.word("absent")
        if isinstance(value, bool):
            return self.word("yes" if value else "no")
        if isinstance(value, int | float):
            return f"{value:g}"
        if isinstance(value, str):
            return value
        if isinstance(value, EnumChoice):  # the value, and its label in the text's language
            label = f" (“{value.label.get(self.lang)}”)" if value.label else ""
            return value.value + label
        if all(isinstance(v, str) for v in value):
            return "[" + ", ".join(str(v) for v in value) + "]"
        rows = [f"{v.when}: {v.points:g}" if isinstance(v, LevelRow) else str(v) for v in value]
        return "[" + "; ".join(rows) + "]"

    def quoted(self, change: FieldChange, value: Value) -> str:
        if change.field.startswith("title.") and isinstance(value, str):
            return f"“{value}”"
        if isinstance(value, str) and change.field in _VALUE_WORDS:
            return self.value_word(change.field, value)
        return self.value(value)

    def value_word(self, field: str, value: str) -> str:
        """An input type or a model in the text's language (a plugin's model as it is)."""
        words = _VALUE_WORDS[field].get(value)
        return value if words is None else words[self.lang]

    def arrow(self, change: FieldChange, *, both: bool = True) -> str:
        """``old → new`` (``không có`` / ``none`` for a side that lacks it); with `both`
        false — an item added or removed — just the value it has."""
        if not both and change.old is None and change.new is not None:
            return self.quoted(change, change.new)
        if not both and change.new is None and change.old is not None:
            return self.quoted(change, change.old)
        return f"{self.quoted(change, change.old)} → {self.quoted(change, change.new)}"

    def field(self, change: FieldChange, *, both: bool = True) -> str:
        return f"{self.word(change.field)}: {self.arrow(change, both=both)}"

    def choice(self, change: FieldChange) -> Iterator[str]:
        """An enum value added or removed (with its label), or each label that changed."""
        old, new = change.old, change.new
        if not (isinstance(old, EnumChoice) and isinstance(new, EnumChoice)):
            key = "value.added" if old is None else "value.removed"
            yield self.word(key).format(value=self.value(new if old is None else old))
            return
        for lang in ("vi", "en"):
            a, b = (f"“{c.label.get(lang)}”" if c.label else self.word("absent")
                    for c in (old, new))
            if a != b:
                yield f"{self.word(f'value.label.{lang}').format(value=new.value)}: {a} → {b}"

    def text(self) -> str:
        d = self.diff
        old, new = (f"{r.id} ({r.period})" for r in (d.old, d.new))
        blocks = [[self.word("header").format(old=old, new=new)]]
        if d.old.model != d.new.model:
            blocks[0].append(self.word("models").format(
                old=self.value_word("model", d.old.model),
                new=self.value_word("model", d.new.model)))
        if d.is_empty:
            blocks.append([self.word("none")])
        if d.changes:
            blocks.append([self.word("set"), *(f"  ~ {self.field(c)}" for c in d.changes)])
        for key, items, line in (("grades", d.grades, self.grade),
                                 ("inputs", d.inputs, self.named),
                                 ("derived", d.derived, self.named)):
            if items:
                blocks.append([self.word(key), *(f"  {row}" for i in items for row in line(i))])
        blocks += self.criteria()
        return "\n\n".join("\n".join(block) for block in blocks) + "\n"

    def grade(self, item: ItemChange) -> Iterator[str]:
        title = item.title.get(self.lang) if item.title else ""
        head = f"{MARKS[item.change]} {item.id} {title}".rstrip()
        both = item.change == "changed"
        for change in item.fields:
            if change.field == "min":
                yield f"{head}: {self.word('from')} {self.arrow(change, both=both)} " \
                    f"{self.word('points')}"
            elif item.change == "changed":
                yield f"{head}: {self.field(change)}"

    def named(self, item: ItemChange) -> Iterator[str]:
        mark = MARKS[item.change]
        if item.change == "changed":
            for change in item.fields:
                texts = self.choice(change) if change.field == "value" else [self.field(change)]
                yield from (f"{mark} {item.id}: {text}" for text in texts)
            return
        parts = []
        for change in item.fields:
            if change.field in ("type", "expression"):
                parts.append(self.arrow(change, both=False))
            elif change.field == "required":
                parts.append(self.word("required"))
            else:
                parts.append(self.field(change, both=False))
        yield f"{mark} {item.id}: {', '.join(parts)}"

    def indicator(self, item: ItemChange) -> Iterator[str]:
        title = item.title.get(self.lang) if item.title else ""
        head = f"{MARKS[item.change]} {item.id} {title}"
        if item.change != "changed":
            parts = []
            for change in item.fields:
                if change.field == "points":
                    parts.append(f"{self.arrow(change, both=False)} {self.word('points')}")
                elif change.field == "mandatory":
                    parts.append(self.word("mandatory"))
                else:
                    parts.append(self.field(change, both=False))
            yield f"{head}: {', '.join(parts)}"
            return
        for change in item.fields:
            if change.field == "points":
                yield f"{head}: {self.arrow(change)} {self.word('points')}"
            elif change.field == "criterion":
                yield f"{head}: " + self.word("moved").format(old=change.old, new=change.new)
            else:
                yield f"{head}: {self.field(change)}"

    def criteria(self) -> list[list[str]]:
        d = self.diff
        changed = {c.id: c for c in d.criteria}
        blocks = []
        for ref in d.outline:
            crit = changed.get(ref.id)
            rows = [row for i in d.indicators if i.criterion == ref.id
                    for row in self.indicator(i)]
            if crit is None and not rows:
                continue
            head = f"{self.word('criterion')} {ref.id} {ref.title.get(self.lang)}"
            lines = [f"{MARKS[crit.change]} {head}" if crit else head]
            if crit is not None and crit.change == "changed":
                lines += [f"  ~ {self.field(c)}" for c in crit.fields]
            blocks.append(lines + [f"  {row}" for row in rows])
        return blocks
