"""Documents: YAML read with source positions, the first shape checks of every format, the
formats a file can declare, did-you-mean suggestions, and the atomic file writer every output uses.
"""

from .._publish import publish_stage
from .arguments import check_kind, check_lang, check_path, check_records
from .bad_values import BadValue, int_from_text, int_problem, safe_text, shown, text_problem
from .formats import (
    FormatKind,
    describe_kind,
    describe_kind_said,
    schema,
    schema_validator,
    sniff_format,
)
from .output import (
    SHEET_ROWS,
    atomic_path,
    new_workbook,
    write_bytes,
    write_pieces,
    write_rows_over_sheets,
    write_text,
)
from .shape import (
    build_located,
    check_shape,
    describe_path,
    extends_only_problem,
    require_format,
    schema_problem,
    where_said,
)
from .suggest import did_you_mean, suggestion
from .texts import Message, Number, format_problem, say, verbatim
from .yaml import DuplicateKey, RawDocument, SourceMap, TextSpan, YamlLimits, load_yaml, parse_yaml

__all__ = [
    "SHEET_ROWS",
    "BadValue",
    "DuplicateKey",
    "FormatKind",
    "Message",
    "Number",
    "RawDocument",
    "SourceMap",
    "TextSpan",
    "YamlLimits",
    "atomic_path",
    "build_located",
    "check_kind",
    "check_lang",
    "check_path",
    "check_records",
    "check_shape",
    "describe_kind",
    "describe_kind_said",
    "describe_path",
    "did_you_mean",
    "extends_only_problem",
    "format_problem",
    "int_from_text",
    "int_problem",
    "load_yaml",
    "new_workbook",
    "parse_yaml",
    "require_format",
    "safe_text",
    "say",
    "schema",
    "schema_problem",
    "schema_validator",
    "shown",
    "sniff_format",
    "suggestion",
    "text_problem",
    "verbatim",
    "where_said",
    "write_bytes",
    "write_pieces",
    "write_rows_over_sheets",
    "write_text",
]

publish_stage(globals())
