"""The expression language: the frozen IR, parsing, type checking, the built-in and plugin
functions, and the two ways to run an expression (Polars columns, Python rows).
"""

from .._publish import publish_stage
from .check import check_expression
from .functions import BUILTIN_FUNCTIONS, Function, FunctionRegistry, NotScalar
from .ir import (
    MAX_DEPTH,
    MAX_LENGTH,
    Binary,
    BoolOp,
    Call,
    Compare,
    Const,
    Expr,
    IfExp,
    In,
    Name,
    NameInfo,
    Unary,
    ValueType,
    children,
    expression_names,
    expression_problem,
    node_span,
    render,
    type_said,
    walk,
)
from .parse import parse_expression
from .polars_engine import collect_plain, to_polars
from .row_engine import RowFunction, to_python

__all__ = [
    "BUILTIN_FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Binary",
    "BoolOp",
    "Call",
    "Compare",
    "Const",
    "Expr",
    "Function",
    "FunctionRegistry",
    "IfExp",
    "In",
    "Name",
    "NameInfo",
    "NotScalar",
    "RowFunction",
    "Unary",
    "ValueType",
    "check_expression",
    "children",
    "collect_plain",
    "expression_names",
    "expression_problem",
    "node_span",
    "parse_expression",
    "render",
    "to_polars",
    "to_python",
    "type_said",
    "walk",
]

publish_stage(globals())
