"""Stage 2: problems of a criteria set worded so that they lead to the fix.

The JSON Schema says what is wrong; an author also needs to know which indicator it is and
what was probably meant. `improve` takes a problem made from a schema error and adds both:
the id of the indicator, criterion or grade at the place (not only ``criteria[0]
.indicators[0]``), and a hint for the mistakes seen most — an input's name as ``points``
(the points an assessor awards: ``awarded``), an unquoted year as ``period``, and a comma
inside a ``{vi: …, en: …}`` text, which YAML reads as the end of the text.
`bare_indicator_hint` does the same for a pass rule that names an indicator as a bare id.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .._documents import Message, say, verbatim
from ..errors import Problem

if TYPE_CHECKING:  # jsonschema is imported when a document is checked, not with the package
    import jsonschema

__all__ = ["bare_indicator_hint", "improve"]


def improve(problem: Problem, error: jsonschema.ValidationError, data: Any) -> Problem:
    """`problem` (made from `error` in the document `data`) with the id of the item it is
    in and, for a common mistake, a hint that says what to write."""
    path = tuple(error.absolute_path)
    owner = _owner(path, data)
    said = problem.said or verbatim(problem.message)
    if owner is not None:
        said = said.plus(say("in-place", place=owner)) if isinstance(said, Message) \
            else say("with-owner", text=said, owner=owner)
    hint = _hint(path, error, data)
    if hint is None:
        return dataclasses.replace(problem, message=said.render("en"), said=said)
    return dataclasses.replace(problem, message=said.render("en"), said=said,
                               hint=hint.render("en"), hint_said=hint)


def _owner(path: Sequence[str | int], data: Any) -> Message | None:
    """"indicator 'C1.1'", "criterion 'C1'" or "grade 'tot'" for a place inside one."""
    found: Message | None = None
    node = data
    for depth, key in enumerate(path):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return found
        parent = path[depth - 1] if depth else None
        if isinstance(key, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            what = {"criteria": "owner-criterion", "indicators": "owner-indicator",
                    "grades": "owner-grade"}.get(str(parent))
            if what is not None:
                found = say(what, id=node["id"])
    return found


def _hint(path: Sequence[str | int], error: jsonschema.ValidationError, data: Any,
          ) -> Message | None:
    kind, instance = str(error.validator), error.instance
    inputs = data.get("inputs") if isinstance(data, dict) else None
    if kind == "type" and path[-1:] == ("points",) and "indicators" in path \
            and isinstance(instance, str) and isinstance(inputs, dict) and instance in inputs:
        return say("hint-awarded", name=instance)
    if kind == "type" and tuple(path) == ("period",) and isinstance(instance, int):
        return say("hint-quote-year", year=instance)
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "additionalProperties" and isinstance(instance, dict) \
            and set(schema.get("properties", {})) == {"vi", "en"}:
        stray = [k for k, v in instance.items() if k not in ("vi", "en") and v is None]
        if stray:
            return say("hint-comma-in-text", key=stray[0])
    return None


def bare_indicator_hint(text: str, indicators: Iterable[str]) -> Message | None:
    """The hint for a rule that names an indicator as a bare id (``A.1 >= 5``), or None."""
    for ident in sorted(indicators, key=len, reverse=True):
        if _is_number(ident):
            continue  # "1" is also a number: no way to tell
        if re.search(rf"(?<![\w.'\"]){re.escape(ident)}(?![\w'\"])", text):
            return say("hint-bare-indicator", id=ident)
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
