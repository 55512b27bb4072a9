"""Documents: YAML read with source positions, the first shape checks of every format, the
formats a file can declare, did-you-mean suggestions, and the atomic file writer every output uses.
"""

from .formats import FormatKind, describe_kind, schema, schema_validator, sniff_format
from .output import atomic_path, new_workbook, write_bytes, write_text
from .shape import (
    build_located,
    check_shape,
    describe_path,
    extends_only_problem,
    require_format,
    schema_problem,
)
from .suggest import did_you_mean
from .yaml import DuplicateKey, RawDocument, SourceMap, TextSpan, YamlLimits, load_yaml, parse_yaml

__all__ = [
    "DuplicateKey",
    "FormatKind",
    "RawDocument",
    "SourceMap",
    "TextSpan",
    "YamlLimits",
    "atomic_path",
    "build_located",
    "check_shape",
    "describe_kind",
    "describe_path",
    "did_you_mean",
    "extends_only_problem",
    "load_yaml",
    "new_workbook",
    "parse_yaml",
    "require_format",
    "schema",
    "schema_problem",
    "schema_validator",
    "sniff_format",
    "write_bytes",
    "write_text",
]
