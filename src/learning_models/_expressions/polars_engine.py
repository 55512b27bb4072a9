"""Compile the expression IR to one Polars expression, evaluated column-wise.

Missing evidence is null, and nulls propagate:

* arithmetic and comparisons with a null operand give null;
* ``and`` / ``or`` use Kleene three-valued logic: ``null or True`` is True,
  ``null and False`` is False, otherwise a null operand makes the result null;
  ``not null`` is null;
* ``body if test else orelse`` is null when ``test`` is null;
* ``v in [...]`` / ``v not in [...]`` is null when ``v`` is null;
* functions follow their own documented rules (see ``functions``).

``a / b`` is always a number (integers divide exactly, ``7 / 2 == 3.5``) and is null when
``b`` is 0: a zero denominator usually means "not applicable", so write ``ratio(a, b)``
(or ``ratio(a, b, default)``) to say what the answer should be then. Division is exact
IEEE division row by row, as in Python (see ``functions.divide``). A chained comparison
``a < b <= c`` is ``a < b and b <= c``. Strings compare as strings.

The result always has one value per row, whether the frame has 0, 1 or many rows, even
for an expression that reads no names (unless the caller asks for no broadcast guard, see
`to_polars`). A part that reads no names (``abs(-2)``, ``0 if False else 1``) is computed
once, by the row engine of `row_engine` (which agrees with this one), and enters the
query as a literal: Polars spreads a literal over the rows, but not always a computed
constant (``-1 < default(abs(-2), x)`` gave one value for a table of many).
"""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from .check import check_expression
from .exact import exact, exact_neg
from .functions import BUILTIN_FUNCTIONS, FunctionRegistry, LiteralValue, NotScalar, divide
from .ir import Binary, BoolOp, Call, Compare, Const, Expr, IfExp, In, Name, Unary, expression_names
from .row_engine import to_python

__all__ = ["collect_plain", "literal", "to_polars"]

_COMPARE: dict[str, Callable[[pl.Expr, pl.Expr], pl.Expr]] = {
    "==": pl.Expr.eq,
    "!=": pl.Expr.ne,
    "<": pl.Expr.lt,
    "<=": pl.Expr.le,
    ">": pl.Expr.gt,
    ">=": pl.Expr.ge,
}


#: No query optimisation: the library's queries are built so that nothing is computed twice
#: (staged columns instead of repeated subexpressions), and on a table of one row the
#: optimiser's passes cost more than running the query.
_PLAIN = pl.QueryOptFlags.none()


def collect_plain(query: pl.LazyFrame) -> pl.DataFrame:
    """Run `query` with the in-memory engine and no optimiser: the fixed cost of a query
    (planning, the streaming engine's set-up) is what dominates a table of a few rows."""
    return query.collect(engine="in-memory", optimizations=_PLAIN)


def literal(value: LiteralValue) -> pl.Expr:
    """A Polars literal with the dtype our type system gives `value` (Int64, not Int32)."""
    if isinstance(value, bool):
        return pl.lit(value, dtype=pl.Boolean)
    if isinstance(value, int):
        return pl.lit(value, dtype=pl.Int64)
    if isinstance(value, float):
        return pl.lit(value, dtype=pl.Float64)
    return pl.lit(value, dtype=pl.String)


def to_polars(
    expr: Expr,
    column: Callable[[str], pl.Expr],
    functions: FunctionRegistry = BUILTIN_FUNCTIONS,
    *,
    broadcast: bool = True,
) -> pl.Expr:
    """A Polars expression computing `expr` for every row.

    `column` gives the Polars expression for each name `expr` reads (usually ``pl.col``).
    `expr` must have passed ``check_expression`` with the same `functions`.

    With `broadcast` (the default) the result has one value per row even when Polars sees
    a scalar (a constant, or a part it simplifies away such as ``default("x", name)``):
    ``select`` would otherwise return a single row. A caller that only uses the result in
    ``with_columns`` (which broadcasts a scalar itself) passes ``broadcast=False`` and
    saves a row index, a mask and a copy per expression.
    """
    compiled = _Compiler(column, functions).compile(expr)
    if not broadcast:
        return compiled
    return pl.when(pl.int_range(pl.len()).ge(0)).then(compiled)


class _Compiler:
    def __init__(self, column: Callable[[str], pl.Expr], functions: FunctionRegistry) -> None:
        self.column = column
        self.functions = functions

    def compile(self, expr: Expr) -> pl.Expr:
        if isinstance(expr, Const):
            return literal(expr.value)
        if isinstance(expr, Name):
            return self.column(expr.id)
        if not expression_names(expr):
            constant = self.fold(expr)
            if constant is not None:
                return literal(constant)
        if isinstance(expr, Unary):
            return self.unary(expr)
        if isinstance(expr, Binary):
            return self.binary(expr)
        if isinstance(expr, Compare):
            return self.compare(expr)
        if isinstance(expr, BoolOp):
            values = [self.compile(value) for value in expr.values]
            combine = pl.all_horizontal if expr.op == "and" else pl.any_horizontal
            return combine(*values)  # Kleene logic, like & and |
        if isinstance(expr, IfExp):
            test = self.compile(expr.test)
            body, orelse = self.compile(expr.body), self.compile(expr.orelse)
            return pl.when(test).then(body).when(test.not_()).then(orelse)  # null test: null
        if isinstance(expr, In):
            return self.membership(expr)
        return self.call(expr)

    def fold(self, expr: Expr) -> LiteralValue | None:
        """The value of `expr`, which reads no names, in its type; None when it is null or
        the row engine leaves it to Polars."""
        try:
            value = to_python(expr, self.functions)({})
        except NotScalar:
            return None
        kind, _ = check_expression(expr, {}, None, self.functions)
        if value is None or kind is None:
            return None
        if kind == "number" and not isinstance(value, bool):
            return float(value)
        return value  # type: ignore[no-any-return]

    def unary(self, expr: Unary) -> pl.Expr:
        operand = self.compile(expr.operand)
        if expr.op == "not":
            return operand.not_()
        return exact_neg(operand) if expr.op == "-" else operand

    def binary(self, expr: Binary) -> pl.Expr:
        left, right = self.compile(expr.left), self.compile(expr.right)
        if expr.op == "+":
            return exact(pl.Expr.add, left, right)
        if expr.op == "-":
            return exact(pl.Expr.sub, left, right)
        if expr.op == "*":
            return exact(pl.Expr.mul, left, right)
        return pl.when(right.ne(0)).then(divide(left, right))  # x / 0 is null

    def compare(self, expr: Compare) -> pl.Expr:
        operands = [self.compile(operand) for operand in expr.operands]
        pairs = [
            _COMPARE[op](operands[index], operands[index + 1]) for index, op in enumerate(expr.ops)
        ]
        return pairs[0] if len(pairs) == 1 else pl.all_horizontal(*pairs)

    def membership(self, expr: In) -> pl.Expr:
        value = self.compile(expr.value)
        if not expr.options:
            return pl.when(value.is_not_null()).then(pl.lit(expr.negated))
        # Equality per option (not is_in) so integers and numbers mix as they do in ==.
        tests = [value.eq(literal(option.value)) for option in expr.options]
        found = tests[0] if len(tests) == 1 else pl.any_horizontal(*tests)
        return found.not_() if expr.negated else found

    def call(self, expr: Call) -> pl.Expr:
        function = self.functions.get(expr.func)
        if function is None:
            raise ValueError(f"unknown function {expr.func!r}: check the expression first")
        args: list[pl.Expr | LiteralValue] = []
        for index, arg in enumerate(expr.args):
            if index in function.literal_params and isinstance(arg, Const):
                args.append(arg.value)
            else:
                args.append(self.compile(arg))
        return function.build(*args)
