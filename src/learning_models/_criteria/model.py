"""The typed, frozen form of a criteria set (format ``learning-models/criteria-set/1``).

These pydantic models are built by `validate` only after the JSON Schema has accepted the
document, so they describe shape and carry little validation of their own beyond types; the
checks of meaning inside one document (unique ids, grade order, level points) live in
`validate`, where each problem can be located in the file. The one check here: an enum
input's values and labels must each name one value (`InputSpec`), located at its ``values``.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator
from pydantic_core import PydanticCustomError

from .._documents import SourceMap
from .._expressions import FunctionRegistry
from .._words import MESSAGES, Lang

__all__ = [
    "MODELS",
    "CriteriaSet",
    "Criterion",
    "Derivation",
    "Document",
    "EnumValue",
    "Grade",
    "HistoryDerivation",
    "Indicator",
    "InputSpec",
    "Item",
    "Lang",
    "Level",
    "Recognition",
    "Source",
    "Text",
    "period_years",
]

FORMAT = "learning-models/criteria-set/1"
#: Format 1.1 adds awarded points, pass rules and grades that read indicators, inputs and
#: the year, and grades decided by conditions; a format-1 file means what it always meant.
FORMAT_1_1 = "learning-models/criteria-set/1.1"
#: The column (or key) of a record that holds an indicator's evidence references (format
#: 1.1): ``evidence.C1.1``.
EVIDENCE_PREFIX = "evidence."
#: Every version of the criteria-set format this package reads.
CRITERIA_FORMATS = (FORMAT, FORMAT_1_1)
#: The most points an indicator (or one of its levels) may give; the schema says the same.
MAX_POINTS = 1000

#: The five models of Programme 387, in the order they are evaluated (citizens first: the
#: others count them). A plugin's set may name another model.
MODELS = ("citizen", "family", "clan", "community", "unit")
InputType = Literal["integer", "number", "boolean", "string", "enum"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(_Frozen):
    """A user-facing text in Vietnamese (the default) and English."""

    vi: str
    en: str

    def get(self, lang: Lang = "vi") -> str:
        return self.en if lang == "en" else self.vi


class Source(_Frozen):
    """Where a set or an indicator comes from; ``verified: false`` marks a reconstruction."""

    document: str | None = None
    issuer: str | None = None
    date: str | None = None
    url: str | None = None
    verified: bool
    note: str | None = None


class Derivation(_Frozen):
    """How an input is derived from related subjects of another model in a dataset."""

    count: str
    where: Literal["any", "evaluated", "recognised", "not_recognised", "incomplete"] = "any"
    via: str | None = None
    prefer: Literal["derived", "data"] = "derived"
    #: Format 1.1: only the related subjects for which this condition over their own inputs
    #: holds are counted (e.g. ``age >= 19 and age <= 60``); with a status in ``where``.
    when: str | None = None


class HistoryDerivation(_Frozen):
    """How an input is derived from the subject's own results of earlier years (a history):
    ``{history: recognised, count: consecutive_years}`` (years in a row recognised up to the
    year before; at most `limit`), ``{history: grade, year: -1}`` (a year's grade; ``status``
    likewise), ``{history: recognised_since}`` (the first year of the unbroken recognition up
    to the year before; the evaluation year itself when not recognised the year before)."""

    history: Literal["recognised", "status", "grade", "recognised_since"]
    count: Literal["consecutive_years"] | None = None
    year: int = -1
    limit: int | None = None


class EnumValue(_Frozen):
    """A value an enum input may take, with the words people write for it (``{value: higher,
    label: {vi: tăng, en: higher}}``); the value is what expressions compare with."""

    value: str
    label: Text


def fold_word(text: str) -> str:
    """How an enum value or label is compared: trimmed, one Unicode form, any case."""
    return unicodedata.normalize("NFC", text).strip().lower()



def _said(message: str, **params: str) -> PydanticCustomError:
    """A validator's error that is the catalogue's `message` (its English, with `params`):
    the stage building the model says it in either language (`_documents.build_located`)."""
    return PydanticCustomError(message, MESSAGES[message]["en"], params)

class InputSpec(_Frozen):
    """One piece of evidence the set reads: its type, bounds and labels.

    An enum input's ``values`` are written as plain values or as `EnumValue`s with labels;
    `values` gives the plain values, `value_labels` the words shown for them, and
    `spellings` every word a record may use for each.
    """

    type: InputType
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str | EnumValue, ...] | None = Field(default=None, alias="values")
    label: Text | None = None
    description: str | None = None
    required: bool = False
    from_: Derivation | HistoryDerivation | None = Field(default=None, alias="from")

    @field_validator("choices")
    @classmethod
    def _spellings_are_unambiguous(cls, choices: tuple[str | EnumValue, ...] | None,
                                   ) -> tuple[str | EnumValue, ...] | None:
        """Every value and label, compared as records are (`fold_word`), names one value."""
        owner: dict[str, str] = {}
        seen: set[str] = set()
        for choice in choices or ():
            value = choice if isinstance(choice, str) else choice.value
            if value in seen:
                raise _said("enum-listed-twice", value=value)
            seen.add(value)
            words = [value] if isinstance(choice, str) else \
                [value, choice.label.vi, choice.label.en]
            for word in words:
                key = fold_word(word)
                if not key:
                    raise _said("enum-empty-word", value=value)
                first = owner.setdefault(key, value)
                if first != value:
                    raise _said("enum-two-values", word=word, first=first, value=value)
        return choices

    @property
    def values(self) -> tuple[str, ...] | None:
        """An enum input's values (what expressions compare with), without their labels."""
        if self.choices is None:
            return None
        return tuple(c if isinstance(c, str) else c.value for c in self.choices)

    def value_labels(self, lang: Lang = "vi") -> tuple[str, ...]:
        """The words shown for each value in `lang` (the value itself when it has no label)."""
        return tuple(c if isinstance(c, str) else c.label.get(lang) for c in self.choices or ())

    def spellings(self) -> dict[str, str]:
        """Every word a record may use for a value — the value, its Vietnamese and English
        labels — as written, each mapped to the value."""
        words: dict[str, str] = {}
        for choice in self.choices or ():
            if isinstance(choice, str):
                words.setdefault(choice, choice)
            else:
                for word in (choice.value, choice.label.vi, choice.label.en):
                    words.setdefault(word, choice.value)
        return words


class Level(_Frozen):
    """One row of a graded indicator: the first row whose condition holds gives its points."""

    when: str
    points: float = Field(ge=0, le=MAX_POINTS)


class Document(_Frozen):
    """A named evidence document (format 1.1): an id records refer to, a title people read,
    and whether the indicator is scored without it (``required: true``: it is not — the
    indicator is missing until the document is given)."""

    id: str
    title: Text
    required: bool = False


class Item(_Frozen):
    """One entry of an indicator's checklist (format 1.1 ``items``): met where its
    condition holds."""

    id: str
    title: Text
    when: str


class Indicator(_Frozen):
    """A scored indicator (chỉ số): all-or-nothing with ``when``, graded with ``levels``,
    or (format 1.1) ``awarded``: the points an assessor gives, up to ``points``."""

    id: str
    title: Text
    points: float = Field(gt=0, le=MAX_POINTS)
    mandatory: bool = False
    when: str | None = None
    levels: tuple[Level, ...] | None = None
    awarded: str | None = None
    #: The evidence it rests on: names (format 1) or, in format 1.1, named documents.
    evidence: tuple[str | Document, ...] = ()
    source: Source | None = None
    #: Format 1.1: for which subjects the indicator counts; where false it is
    #: ``not_applicable``, scores nothing and is left out of the subject's ``max_total``.
    applies: str | None = None
    #: Format 1.1: a checklist; the indicator's expressions read ``items_met`` (how many
    #: of them hold) and ``items_total``.
    items: tuple[Item, ...] | None = None

    def evidence_names(self, lang: Lang = "vi") -> tuple[str, ...]:
        """The evidence as people read it: each name, or each document's title."""
        return tuple(e if isinstance(e, str) else e.title.get(lang) for e in self.evidence)

    @property
    def required_documents(self) -> tuple[Document, ...]:
        """The documents without which the indicator is missing (format 1.1)."""
        return tuple(e for e in self.evidence if isinstance(e, Document) and e.required)


class Criterion(_Frozen):
    """A criterion (tiêu chí): a titled group of indicators with a subtotal."""

    id: str
    title: Text
    indicators: tuple[Indicator, ...]
    #: Format 1.1: for which subjects the criterion's indicators count (as an indicator's
    #: own ``applies``; both must hold).
    applies: str | None = None


class Grade(_Frozen):
    """A recognition grade (e.g. Tốt ≥ 85); grades are listed highest first and the first
    one reached wins. Reached: the total is at least ``min`` and (format 1.1) the condition
    ``when`` holds; a grade has one of them or both."""

    id: str
    title: Text
    min: float | None = None
    when: str | None = None
    source: Source | None = None    # format 1.1: when not the recognition's (or set's)


class Recognition(_Frozen):
    """When a subject is recognised, and with which grade."""

    pass_: str = Field(alias="pass")
    grades: tuple[Grade, ...] = ()
    source: Source | None = None    # format 1.1: where the pass rule comes from


class CriteriaSet(_Frozen):
    """A validated criteria set: the law-like data an evaluation applies."""

    format: Literal["learning-models/criteria-set/1", "learning-models/criteria-set/1.1"]
    id: str
    model: str
    period: str
    title: Text
    source: Source
    inputs: Mapping[str, InputSpec]
    derived: Mapping[str, str] = Field(default_factory=dict)
    criteria: tuple[Criterion, ...]
    recognition: Recognition
    #: Format 1.1: which subjects the set is for (an expression over its inputs), so that
    #: several sets of one model can be in force in one year, each record routed to its own.
    applies_to: str | None = None
    # Not part of the meaning (left out of the canonical form, the content hash and equality):
    #: Where each value was written (None for a set built in memory).
    source_map: SourceMap | None = Field(default=None, exclude=True, repr=False)
    #: The overlays applied to this set (`AppliedOverlay`), in order; () for none.
    overlays: tuple[Any, ...] = Field(default=(), exclude=True, repr=False)
    #: The functions its expressions may call (a catalogue's: built-ins and plugins');
    #: None for the built-in functions.
    functions: FunctionRegistry | None = Field(default=None, exclude=True, repr=False)

    model_config = ConfigDict(arbitrary_types_allowed=True)

    @field_validator("inputs", "derived", mode="after")
    @classmethod
    def _read_only(cls, value: Mapping[str, Any]) -> Mapping[str, Any]:
        """A set is immutable all the way down: its mappings are read-only views."""
        return MappingProxyType(dict(value))

    @field_serializer("inputs", "derived")
    def _plain(self, value: Mapping[str, Any]) -> dict[str, Any]:
        return dict(value)

    @property
    def years(self) -> range:
        """The evaluation years the set governs (``"2021-2025"`` → 2021 … 2025)."""
        return period_years(self.period)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for c in self.criteria for i in c.indicators)

    @property
    def max_total(self) -> float:
        return sum(i.points for i in self.indicators)

    @property
    def recognition_verified_share(self) -> float:
        """The share of the recognition rule — the pass rule and each grade — whose source
        (its own, else the recognition's, else the set's) is verified."""
        rule = self.recognition.source or self.source
        parts = [rule, *((g.source or rule) for g in self.recognition.grades)]
        return sum(p.verified for p in parts) / len(parts)

    @property
    def verified_indicators(self) -> int:
        """How many indicators have a verified source (their own, else the set's)."""
        return sum((i.source or self.source).verified for i in self.indicators)

    def __eq__(self, other: object) -> bool:
        """Equal when the meaning is: the canonical forms, not where each was written.

        (The source map, the overlays applied and the functions known are not compared.)
        """
        if not isinstance(other, CriteriaSet):
            return NotImplemented
        return self is other or self.canonical() == other.canonical()

    def __hash__(self) -> int:
        return hash(self.content_hash())

    def canonical(self) -> dict[str, object]:
        """The set as plain JSON data, defaults omitted: what the content hash covers."""
        return self.model_dump(mode="json", by_alias=True, exclude_none=True)

    def content_hash(self) -> str:
        """sha256 of the canonical JSON form: two files with the same meaning hash alike."""
        text = json.dumps(self.canonical(), sort_keys=True, ensure_ascii=False,
                          separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def period_years(period: str) -> range:
    """The years of a period as the format writes it: ``"2021-2025"`` → 2021 … 2025,
    ``"2024"`` → 2024 alone. (The schema has checked its shape; an end before its start
    gives an empty range, which validation reports.)"""
    first, _, last = period.partition("-")
    return range(int(first), int(last or first) + 1)
