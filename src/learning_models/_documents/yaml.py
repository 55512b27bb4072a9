"""Safe YAML reading that remembers where every value came from.

One walk over PyYAML's safe node tree builds plain data (string-keyed dicts, lists, str,
int, float, bool, None) and a `SourceMap` from data paths to spans. Unlike
``yaml.safe_load``: keys are the key's text as written (``yes:`` is ``"yes"``); timestamps
and sexagesimal numbers (``10:30``) stay text; ``.nan``/``.inf``, binary, sets, ordered maps
and non-standard tags are refused; aliases share their anchor's value and are bounded; merge
keys (``<<: *base``) are expanded, explicit keys winning. All problems are raised at once;
no PyYAML exception escapes.
"""

from __future__ import annotations

import codecs
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, Event, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import Reader

from .._words import MESSAGES
from ..errors import CriteriaError, EvidenceError, Problem, ProblemCode, Span
from .bad_values import MAX_INT_DIGITS, BadValue, shown, text_problem, too_long
from .texts import Message, Number, say, verbatim
from .yaml_syntax import syntax_problem

__all__ = ["DuplicateKey", "RawDocument", "SourceMap", "TextSpan", "YamlLimits", "load_yaml",
           "parse_yaml"]

Path = tuple[str | int, ...]
ErrorType = type[CriteriaError] | type[EvidenceError]

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = frozenset(_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
_TEXT_TAGS = frozenset(_STD + t for t in ("str", "timestamp", "value"))
_MERGE = _STD + "merge"
_BREAKS = "\r\n\x85\u2028\u2029"
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_PROPERTIES = re.compile(r"(?:[&!]\S*[ \t]+)*")  # anchor / tag before a scalar's text


#: A piece of a scalar's text: its line and column in the text (0-based) and where it
#: starts in the file (1-based line and column). The text after it, up to the next piece,
#: follows on the same file line.
Piece = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True, eq=False)
class TextSpan(Span):
    """Where a scalar written over several lines starts, and where each later piece is.

    A `Span` (of the text's first character) for everything that reads spans; `at` maps a
    (line, column) of the *text* — which YAML has joined (folded, plain and quoted
    scalars) or stripped of its indentation (block scalars) — back to the file. It
    compares, orders and hashes as the plain `Span` it stands for.
    """

    pieces: tuple[Piece, ...] = ()

    def at(self, line: int, col: int) -> Span:
        """The file position of column `col` (0-based) of line `line` (0-based) of the text."""
        found = None
        for piece in self.pieces:
            if piece[:2] > (line, col):
                break
            found = piece
        if found is not None and found[0] == line:
            return Span(self.file, found[2], found[3] + col - found[1])
        return self.shifted(col) if line == 0 else Span(self.file, self.line + line, col + 1)

    def _key(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() == (other.file, other.line, other.column)

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() < (other.file, other.line, other.column)

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() <= (other.file, other.line, other.column)

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() > (other.file, other.line, other.column)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return self._key() >= (other.file, other.line, other.column)


@dataclass(frozen=True, slots=True)
class YamlLimits:
    """Bounds that keep a hostile or broken file from exhausting memory or time."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_nodes: int = 200_000


_DEFAULT_LIMITS = YamlLimits()


class SourceMap:
    """Where each value (and mapping key) of a document is, by data path."""

    __slots__ = ("_expressions", "_keys", "_values", "file")

    def __init__(
        self,
        file: str,
        values: dict[Path, Span] | None = None,
        keys: dict[Path, Span] | None = None,
        expressions: dict[Path, Span] | None = None,
    ) -> None:
        self.file = file
        self._values: dict[Path, Span] = dict(values or {})
        self._values[()] = Span(file, 1, 1)
        self._keys: dict[Path, Span] = dict(keys or {})
        self._expressions: dict[Path, Span] = dict(expressions or {})

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> Span:
        """The value at `path` (its key if `key`), else the nearest ancestor; root is 1:1."""
        wanted = tuple(path)
        if key and wanted in self._keys:
            return self._keys[wanted]
        for end in range(len(wanted), 0, -1):
            span = self._values.get(wanted[:end])
            if span is not None:
                return span
        return self._values[()]

    def expression_span(self, path: Sequence[str | int]) -> Span:
        """Where the text of the scalar at `path` starts (after a quote, or a block header)."""
        return self._expressions.get(tuple(path)) or self.locate(path)

    def has(self, path: Sequence[str | int]) -> bool:
        return tuple(path) in self._values

    def graft(self, at: Sequence[str | int], other: SourceMap,
              origin: Sequence[str | int]) -> None:
        """Copy `other`'s positions below `origin` to this map below `at`.

        Used when a set is assembled from several files (``extends``): every value keeps
        the span of the file it was written in.
        """
        at, origin = tuple(at), tuple(origin)
        n = len(origin)
        for mine, theirs in ((self._values, other._values), (self._keys, other._keys),
                             (self._expressions, other._expressions)):
            for path, span in theirs.items():
                if path[:n] == origin and (path or at):
                    mine[at + path[n:]] = span


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    """A key written twice in one mapping (its first value kept), found where
    `parse_yaml(..., duplicates=True)` returns it instead of refusing the document."""

    path: Path              # the data path of the mapping
    key: str
    problem: Problem        # ``duplicate-key``, at the second key, the first's line in its hint


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A parsed YAML document: its plain data, where each value was written, and the
    duplicate keys found (reported by the stage that checks the document)."""

    data: Any
    source: SourceMap
    duplicates: tuple[DuplicateKey, ...] = ()


class _Stop(Exception):  # a problem after which reading cannot go on
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem

#: libyaml's C parser and composer, when PyYAML was built with it.
_WITH_LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)
#: Whether documents are composed by libyaml when they can be (`_compose_node`).
_C_COMPOSER = _WITH_LIBYAML
#: What libyaml reads otherwise than the Python parser (found by comparing the two on
#: generated documents): a tab (libyaml accepts some where PyYAML refuses them), a
#: byte-order mark inside the text (libyaml skips it), a comment right after a block
#: scalar's header (PyYAML refuses it), a ``?`` after a flow collection opens (PyYAML ends
#: a plain scalar there). Documents with one are composed by Python.
_PYTHON_ONLY = re.compile("[\t\ufeff]|[|>][-+0-9]*#")


def _python_only(text: str) -> bool:
    """Whether `text` has something libyaml reads otherwise (`_PYTHON_ONLY`)."""
    question = text.rfind("?")
    if question >= 0 and (text.find("[", 0, question) >= 0 or text.find("{", 0, question) >= 0):
        return True
    return _PYTHON_ONLY.search(text) is not None


class _Mark(Protocol):
    line: int
    column: int


def _span(file: str, mark: _Mark) -> Span:
    return Span(file, mark.line + 1, mark.column + 1)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting line breaks as YAML does."""
    before = text[:index]
    last = max(before.rfind(ch) for ch in _BREAKS)
    return len(_BREAK.findall(before)) + 1, index - last


def _lower(message: str) -> str:
    return message[:1].lower() + message[1:]


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_STD) if tag.startswith(_STD) else tag


class _Guard:
    """Checks each parser event before the composer sees it: depth, aliases, expanded size."""

    def __init__(self, file: str, limits: YamlLimits) -> None:
        self.file, self.limits = file, limits
        self.depth = self.aliases = self.nodes = 0
        self.sizes: dict[str, int] = {}  # anchor -> nodes it expands to
        self.open: list[tuple[str | None, int]] = []  # open collections: anchor, first node

    def see(self, event: Event) -> None:
        if isinstance(event, AliasEvent):
            self._alias(event)
        elif isinstance(event, CollectionStartEvent):
            self.depth += 1
            self.nodes += 1
            if self.depth > (limit := self.limits.max_depth):
                self._stop("too-deep", say("yaml-too-deep", limit=limit), event)
            self.open.append((event.anchor, self.nodes))
        elif isinstance(event, ScalarEvent):
            self.nodes += 1
            if event.anchor is not None:
                self.sizes[event.anchor] = 1
        elif isinstance(event, CollectionEndEvent):
            self.depth -= 1
            anchor, first = self.open.pop()
            if anchor is not None:
                self.sizes[anchor] = self.nodes - first + 1
        if self.nodes > (limit := self.limits.max_nodes):
            if not self.aliases:  # a long document, not an expanding one
                self._stop("too-large", say("yaml-too-many-values", limit=Number(limit)),
                           event, say("yaml-split-file"))
            self._stop("too-many-aliases", say("yaml-aliases-expand", limit=Number(limit)),
                       event, say("yaml-alias-hint"))

    def _alias(self, event: AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > (limit := self.limits.max_aliases):
            self._stop("too-many-aliases", say("yaml-too-many-aliases", limit=limit), event,
                       say("yaml-alias-hint"))
        if any(anchor == event.anchor for anchor, _ in self.open):
            self._stop("too-many-aliases", say("yaml-alias-recursive", anchor=event.anchor),
                       event, say("yaml-alias-recursive-hint"))
        self.nodes += self.sizes.get(event.anchor or "", 1)

    def _stop(self, code: ProblemCode, message: Message, event: Event,
              hint: Message | None = None) -> None:
        span = None if event.start_mark is None else _span(self.file, event.start_mark)
        raise _Stop(Problem.of(code, message, span, hint=hint))


class _Loader(yaml.SafeLoader):
    def __init__(self, text: str, guard: _Guard) -> None:
        self.guard = guard
        super().__init__(text)

    def get_event(self) -> Event:
        event: Event = super().get_event()  # type: ignore[no-untyped-call]
        self.guard.see(event)
        return event


class _Builder:
    """Turns composed nodes into data, recording spans and problems on the way."""

    def __init__(self, text: str, file: str, loader: SafeConstructor, duplicates: bool,
                 bad_values: bool = False) -> None:
        self.text, self.file, self.loader = text, file, loader
        self.problems: list[Problem] = []
        self.keep_duplicates = duplicates
        self.keep_bad_values = bad_values
        self.duplicates: list[DuplicateKey] = []
        self.values: dict[Path, Span] = {}
        self.keys: dict[Path, Span] = {}
        self.expressions: dict[Path, Span] = {}
        self._memo: dict[int, Any] = {}  # node -> value: an alias shares its anchor's value

    def build(self, node: Node, path: Path | None) -> Any:
        if path is not None:
            self._register(node, path)
        if id(node) not in self._memo:
            self._memo[id(node)] = self._construct(node, path)
        return self._memo[id(node)]

    def _register(self, node: Node, path: Path) -> None:
        self.values[path] = _span(self.file, node.start_mark)
        if isinstance(node, ScalarNode):
            self.expressions[path] = self._expression_span(node)

    def _problem(self, code: ProblemCode, message: Message, node: Node,
                 hint: Message | None) -> None:
        self.problems.append(Problem.of(code, message, _span(self.file, node.start_mark),
                                        hint=hint))

    def _bad_tag(self, node: Node) -> None:
        self._problem("yaml-tag", say("yaml-tag-not-allowed", tag=_short_tag(node.tag)), node,
                      say("yaml-tag-hint"))

    def _construct(self, node: Node, path: Path | None) -> Any:
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if node.tag == _STD + "map" and isinstance(node, MappingNode):
            return self._mapping(node, path)
        if node.tag == _STD + "seq" and isinstance(node, SequenceNode):
            return [self.build(item, _child(path, i)) for i, item in enumerate(node.value)]
        self._bad_tag(node)
        return None

    def _scalar(self, node: ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag not in _SCALAR_TAGS and tag not in _TEXT_TAGS:
            self._bad_tag(node)
            return None
        if tag == _STD + "null":
            return None
        if tag in _TEXT_TAGS or (tag != _STD + "bool" and ":" in text):
            # timestamps and sexagesimal numbers stay as written
            reason = text_problem(text)
            if reason is None:
                return text
            return self._bad_value(say("yaml-value-reason", value=shown(text), reason=reason), node)
        digits = sum(ch.isdigit() for ch in text)
        if tag == _STD + "int" and digits > MAX_INT_DIGITS:
            return self._bad_value(say("yaml-value-is", value=shown(text),
                                       reason=too_long(digits)), node)
        try:
            if tag == _STD + "bool":
                return self.loader.bool_values[text.lower()]
            if tag == _STD + "int":
                return self.loader.construct_yaml_int(node)
            number = self.loader.construct_yaml_float(node)
        except (ValueError, KeyError, IndexError):
            return self._bad_value(say("yaml-value-not-tag", value=shown(text),
                                       tag=_short_tag(tag)), node)
        if not math.isfinite(number):
            return self._bad_value(say("yaml-value-not-finite", value=shown(text)), node,
                                   say("yaml-value-not-finite-hint"))
        return number

    def _bad_value(self, message: Message, node: Node, hint: Message | None = None) -> Any:
        """A value that is not data: a problem of the document, or (evidence) a `BadValue`
        that rejects the record it is in."""
        if self.keep_bad_values:
            return BadValue(message)
        self._problem("invalid-value", message, node, hint)
        return None

    def _key(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self._problem("non-string-key", say("yaml-key-not-text"), node, None)
            return None
        if node.tag not in _SCALAR_TAGS and node.tag not in _TEXT_TAGS and node.tag != _MERGE:
            self._bad_tag(node)
            return None
        reason = text_problem(node.value)
        if reason is not None and not self.keep_bad_values:  # evidence: its record says so
            self._problem("invalid-value", say("yaml-key-reason", key=shown(node.value),
                                               reason=reason), node, None)
            return None
        return str(node.value)

    def _mapping(self, node: MappingNode, path: Path | None) -> dict[str, Any]:
        explicit: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            if key in first_line:
                hint = say("yaml-key-first-line", line=first_line[key])
                self._problem("duplicate-key", say("yaml-key-twice", key=key), key_node, hint)
                if self.keep_duplicates and path is not None:
                    self.duplicates.append(DuplicateKey(path, key, self.problems.pop()))
                continue
            first_line[key] = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                self._merge(value_node, path, merged, explicit)
                continue
            child = _child(path, key)
            if child is not None:
                self.keys[child] = _span(self.file, key_node.start_mark)
            explicit[key] = self.build(value_node, child)
        return merged | explicit

    def _merge(
        self, node: Node, path: Path | None, merged: dict[str, Any], explicit: dict[str, Any]
    ) -> None:
        """``<<: *a`` or ``<<: [*a, *b]``: earlier sources win, explicit keys win over all."""
        for source in node.value if isinstance(node, SequenceNode) else [node]:
            data = self.build(source, None) if isinstance(source, MappingNode) else None
            if not isinstance(data, dict):
                self._problem("invalid-value", say("yaml-merge-not-mapping"), source,
                              say("yaml-merge-hint"))
                continue
            for key_node, value_node in source.value:
                key = key_node.value
                child = _child(path, key) if isinstance(key, str) else None
                if child is not None and key in data and key not in merged and key not in explicit:
                    self.keys[child] = _span(self.file, key_node.start_mark)
                    self._register(value_node, child)
            for key, value in data.items():
                merged.setdefault(key, value)

    def _expression_span(self, node: ScalarNode) -> Span:
        mark = node.start_mark
        start = mark.index
        if self.text.startswith(("&", "!"), start):  # skip an anchor / tag on the same line
            end = match.end() if (match := _PROPERTIES.match(self.text, start)) else start
            start = end if end < len(self.text) and self.text[end] not in _BREAKS + "#" else start
        column = mark.column + (start - mark.index) + 1
        if node.style in ("|", ">"):
            span = self._block_text_start(node, start) or Span(self.file, mark.line + 1, column)
            body = _BREAK.search(self.text, start, node.end_mark.index)
            text_start = body.end() if body else node.end_mark.index
        else:
            quoted = node.style in ("'", '"')
            span = Span(self.file, mark.line + 1, column + (1 if quoted else 0))
            text_start = start + (1 if quoted else 0)
        if node.end_mark.line == mark.line:
            return span
        pieces = self._pieces(node, text_start)
        if len(pieces) < 2:
            return span
        return TextSpan(span.file, span.line, span.column, pieces)

    def _pieces(self, node: ScalarNode, start: int) -> tuple[Piece, ...]:
        """Align the scalar's text with its source, from index `start` of the file.

        Folding and indentation only change whitespace, so the two are walked together over
        everything else; a piece is recorded where the text or the file starts a new line.
        Where they stop agreeing (an escape in a double-quoted scalar), alignment stops.
        """
        text, value, end, mark = self.text, node.value, node.end_mark.index, node.start_mark
        breaks = list(_BREAK.finditer(text, mark.index, start))
        line = mark.line + 1 + len(breaks)
        line_start = breaks[-1].end() if breaks else mark.index - mark.column
        pieces: list[Piece] = []
        src, text_line, text_col, new_line = start, 0, 0, True
        for k, char in enumerate(value):
            if char in "\r\n":  # a line break of the text, as the expression parser splits it
                if not (char == "\r" and value.startswith("\n", k + 1)):
                    text_line, text_col, new_line = text_line + 1, 0, True
                continue
            if char in " \t":
                text_col += 1
                continue
            while src < end and text[src] in " \t" + _BREAKS:
                if text[src] in _BREAKS and not text.startswith("\r\n", src):
                    line, line_start, new_line = line + 1, src + 1, True
                src += 1
            if src >= end or text[src] != char:
                break
            if new_line:
                pieces.append((text_line, text_col, line, src - line_start + 1))
                new_line = False
            src += 1
            if char == "'" and node.style == "'" and text.startswith("'", src):
                src += 1  # '' in a single-quoted scalar is one quote
            text_col += 1
        return tuple(pieces)

    def _block_text_start(self, node: ScalarNode, header: int) -> Span | None:
        """The first non-blank content line of a block scalar, at its indentation."""
        line, cursor, end = node.start_mark.line + 1, header, node.end_mark.index
        while (brk := _BREAK.search(self.text, cursor, end)) is not None:
            line, cursor = line + 1, brk.end()
            after = _BREAK.search(self.text, cursor, end)
            content = self.text[cursor : after.start() if after else end]
            if content.strip(" "):
                return Span(self.file, line, len(content) - len(content.lstrip(" ")) + 1)
        return None


def _child(path: Path | None, step: str | int) -> Path | None:
    return None if path is None else (*path, step)


def _decode(text: str | bytes, file: str, limits: YamlLimits) -> str:
    size = len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(text)
    if size > limits.max_bytes:
        raise _Stop(Problem.of("too-large",
                               say("document-too-large", most=Number(limits.max_bytes)),
                               Span(file, 1, 1)))
    if isinstance(text, str):
        return text.removeprefix("\ufeff")
    raw = text.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8")
        line, column = _position(prefix, len(prefix))
        problem = Problem.of("not-utf8", say("document-not-utf8", byte=f"0x{raw[exc.start]:02x}"),
                             Span(file, line, column), hint=say("document-not-utf8-hint"))
        raise _Stop(problem) from None


def _prescan(text: str, file: str, limits: YamlLimits) -> bool:
    """Run the guard over the events of libyaml's C parser (when PyYAML has it), about
    thirty times faster than the Python parser: a document beyond the limits is refused
    in a second or two, not after a minute. A syntax error is left to the Python parser,
    whose messages the problems are made from. Whether libyaml read the whole document."""
    if not _WITH_LIBYAML:
        return False
    guard = _Guard(file, limits)
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            guard.see(event)
    except (yaml.YAMLError, UnicodeError):  # text that is not text: the Python parser says
        return False
    return True


def _compose_node(text: str, file: str, limits: YamlLimits,
                  ) -> tuple[Node | None, SafeConstructor]:
    """The node tree of `text` and the constructor its scalars are read with.

    libyaml composes it when its parser read the whole document within the limits (the
    prescan), holds nothing libyaml reads otherwise (`_PYTHON_ONLY`) and Python's
    reader accepts every character of it, and no value is left empty: its marks count
    characters, lines and columns as the Python parser's do (tests check both on
    generated documents), ten times faster. Anything else — a syntax error, a character
    Python's reader refuses — is composed by the Python parser, whose messages the
    problems are made from, with the guard over its events."""
    if _prescan(text, file, limits) and _C_COMPOSER and not _python_only(text) \
            and not Reader.NON_PRINTABLE.search(text):
        fast = yaml.CSafeLoader(text)
        try:
            node = fast.get_single_node()
            if not _has_empty_plain(node):
                return node, fast
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text, _Guard(file, limits))
    try:
        return loader.get_single_node(), loader
    finally:
        loader.dispose()


def _has_empty_plain(root: Node | None) -> bool:
    """Whether the tree holds an empty plain scalar (``key:`` with no value), which libyaml
    places at the next token and the Python parser right after the colon."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            if node.value == "" and not node.style:
                return True
        elif isinstance(node, MappingNode):
            stack += [item for pair in node.value for item in pair]
        else:
            stack += node.value
    return False


def _compose(text: str, file: str, limits: YamlLimits, duplicates: bool = False,
             bad_values: bool = False,
             ) -> tuple[Any, SourceMap, list[Problem], list[DuplicateKey]]:
    try:
        node, loader = _compose_node(text, file, limits)
        builder = _Builder(text, file, loader, duplicates, bad_values)
        data = None if node is None else builder.build(node, ())
    except yaml.YAMLError as exc:
        raise _Stop(syntax_problem(exc, text, file, _position)) from None
    except RecursionError:  # only reachable with a max_depth far above the default
        raise _Stop(Problem.of("too-deep", say("document-too-deep"), Span(file, 1, 1))) from None
    source = SourceMap(file, builder.values, builder.keys, builder.expressions)
    return data, source, builder.problems, builder.duplicates


def parse_yaml(
    text: str | bytes,
    file: str,
    *,
    limits: YamlLimits = _DEFAULT_LIMITS,
    error: ErrorType = CriteriaError,
    duplicates: bool = False,
    bad_values: bool = False,
) -> RawDocument:
    """Parse one YAML document; `file` is the display name used in every span.

    With `duplicates`, a key written twice in a mapping is not a problem of the document:
    the first value is kept and `RawDocument.duplicates` says where (evidence records: the
    record with it is rejected, the others are read). With `bad_values`, a value that is
    not data (`bad_values`) is kept as a `BadValue` instead of being a problem."""
    try:
        data, source, problems, twice = _compose(_decode(text, file, limits), file, limits,
                                                 duplicates, bad_values)
    except _Stop as stop:
        raise error([stop.problem]) from None
    if problems:
        raise error(problems)
    return RawDocument(data, source, tuple(twice))


def load_yaml(
    path: str | os.PathLike[str],
    *,
    display_name: str | None = None,
    limits: YamlLimits = _DEFAULT_LIMITS,
    error: ErrorType = CriteriaError,
) -> RawDocument:
    """Read and parse a YAML file; problems name it by `display_name` (default: the path)."""
    name = display_name if display_name is not None else os.fspath(path)
    try:
        with open(path, "rb") as handle:
            content = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise error([Problem.of("file-not-found", say("yaml-file-missing", name=name))]) from None
    except IsADirectoryError:
        raise error([Problem.of("file-not-found", say("yaml-file-folder", name=name))]) from None
    except OSError as exc:
        reason = _os_reason(exc)
        raise error([Problem.of("file-not-found",
                                say("yaml-file-unreadable", name=name, reason=reason))]) from None
    return parse_yaml(content, name, limits=limits, error=error)


def _os_reason(exc: OSError) -> Message:
    """Why the system could not read a file: a refused permission in words of the catalogue,
    anything else as the system says it."""
    said = _lower(exc.strerror or type(exc).__name__)
    if isinstance(exc, PermissionError) and said == MESSAGES["os-no-permission"]["en"]:
        return say("os-no-permission")
    return verbatim(said)
