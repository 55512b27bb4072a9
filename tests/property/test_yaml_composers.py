"""libyaml's composer and the Python one give the same documents, positions and problems.

`parse_yaml` composes with libyaml when its parser reads the whole document (ten times
faster); anything it refuses goes to the Python parser, whose messages the problems are made
from. Over generated documents — Vietnamese and other text beyond ASCII, tabs, CR LF and the
other line breaks YAML knows, quotes, block scalars, anchors, aliases, merges, tags, flow
collections, characters the Python reader refuses — both give the same data, the same
span for every value, key and expression, and the same problems.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning_models._documents import yaml as _yaml
from learning_models.errors import CriteriaError

pytestmark = pytest.mark.skipif(not _yaml._WITH_LIBYAML, reason="PyYAML without libyaml")

FRAGMENTS = ["a", "Hộ", "gia đình", "😀", "1", "2.5", "yes", "~", ".nan", "0x1F", " ", "  ",
             "\t", ": ", ":", "- ", "-", ",", "[", "]", "{", "}", "'", '"', "\\u00e9", "#",
             "|", ">-", "&x ", "*x", "<<: ", "!!str ", "!!python/tuple ", "!x ", "?", "%",
             "\n", "\n  ", "\n    ", "\r\n", "\u2028", "\x85", "\x7f", "\ufeff", "when: ",
             "a >= 1 and\n   b"]
documents = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


def _parsed(text: str, libyaml: bool, **options: bool) -> Any:
    with mock.patch.object(_yaml, "_C_COMPOSER", libyaml):
        try:
            raw = _yaml.parse_yaml(text, "set.yaml", **options)
        except CriteriaError as exc:
            return [(p.code, p.message, p.span, p.hint) for p in exc.problems]
    maps = (raw.source._values, raw.source._keys, raw.source._expressions)
    spans = [{path: (span, getattr(span, "pieces", None)) for path, span in m.items()}
             for m in maps]
    return repr(raw.data), spans, [(d.path, d.key, d.problem) for d in raw.duplicates]


@given(documents, st.booleans())
def test_libyaml_and_python_compose_the_same_document(text: str, evidence: bool) -> None:
    options = {"duplicates": evidence, "bad_values": evidence}
    assert _parsed(text, True, **options) == _parsed(text, False, **options)


def test_a_column_after_vietnamese_text_counts_characters() -> None:
    text = ("title: {vi: Gia đình học tập, en: Học}\n"
            "when: x == 'ắ ẳ ẵ' and adults_lerning >= 1\n"
            "bad: [Hộ, ông, !!python/tuple x]\n")
    with mock.patch.object(_yaml, "_C_COMPOSER", True):
        with pytest.raises(CriteriaError) as caught:
            _yaml.parse_yaml(text, "set.yaml")
        raw = _yaml.parse_yaml(text.replace("!!python/tuple ", ""), "set.yaml")
    # The tag is at character 16 of line 3, after 'Hộ' and 'ông' (bytes would say 19).
    assert caught.value.problems[0].span == _yaml.Span("set.yaml", 3, 16)
    assert raw.source.locate(("title", "en")) == _yaml.Span("set.yaml", 1, 35)
    assert raw.source.expression_span(("when",)) == _yaml.Span("set.yaml", 2, 7)
