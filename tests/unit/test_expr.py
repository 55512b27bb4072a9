"""The expression language: parsing, limits, checking, rendering and Polars evaluation."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from learning_models._expressions import (
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
    check_expression,
    expression_names,
    node_span,
    parse_expression,
    render,
    walk,
)
from learning_models._expressions.functions import BUILTIN_FUNCTIONS, Function, FunctionRegistry
from learning_models._expressions.polars_engine import to_polars
from learning_models.errors import CriteriaError, Problem, Span

NAMES: dict[str, NameInfo] = {
    "adults": NameInfo("integer"),
    "adults_learning": NameInfo("integer"),
    "children_in_school": NameInfo("integer"),
    "school_age_children": NameInfo("integer"),
    "has_bookshelf": NameInfo("boolean"),
    "total": NameInfo("number"),
    "mandatory_met": NameInfo("boolean"),
    "level": NameInfo("string", ("low", "mid", "high")),
    "village": NameInfo("string"),
    "i": NameInfo("integer"),
    "j": NameInfo("integer"),
    "x": NameInfo("number"),
    "y": NameInfo("number"),
    "b": NameInfo("boolean"),
    "c": NameInfo("boolean"),
}
SPAN = Span("criteria.yaml", 4, 12)


def problems_of(text: str, span: Span | None = None) -> list[Problem]:
    with pytest.raises(CriteriaError) as caught:
        parse_expression(text, span)
    return list(caught.value.problems)


def the_problem(text: str, span: Span | None = None) -> Problem:
    problems = problems_of(text, span)
    assert len(problems) == 1, problems
    return problems[0]


def checked(text: str) -> tuple[str | None, list[Problem]]:
    return check_expression(parse_expression(text, None), NAMES, None)


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "children_in_school == school_age_children",
            Compare(("==",), (Name("children_in_school"), Name("school_age_children"))),
        ),
        (
            "ratio(adults_learning, adults) >= 0.5 and has_bookshelf",
            BoolOp(
                "and",
                (
                    Compare(
                        (">=",),
                        (Call("ratio", (Name("adults_learning"), Name("adults"))), Const(0.5)),
                    ),
                    Name("has_bookshelf"),
                ),
            ),
        ),
        (
            "total >= 80 and mandatory_met",
            BoolOp("and", (Compare((">=",), (Name("total"), Const(80))), Name("mandatory_met"))),
        ),
        ("0 < x <= 5", Compare(("<", "<="), (Const(0), Name("x"), Const(5)))),
        ("a or b or c", BoolOp("or", (Name("a"), Name("b"), Name("c")))),
        ("(a or b) or c", BoolOp("or", (BoolOp("or", (Name("a"), Name("b"))), Name("c")))),
        ("not a", Unary("not", Name("a"))),
        ("-x + +y", Binary("+", Unary("-", Name("x")), Unary("+", Name("y")))),
        ("a - b - c", Binary("-", Binary("-", Name("a"), Name("b")), Name("c"))),
        ("a - (b - c)", Binary("-", Name("a"), Binary("-", Name("b"), Name("c")))),
        ("a * b / c", Binary("/", Binary("*", Name("a"), Name("b")), Name("c"))),
        ("a if b else c", IfExp(Name("b"), Name("a"), Name("c"))),
        ("level in ['low', 'mid']", In(Name("level"), (Const("low"), Const("mid")))),
        ("x not in [1, -2, 2.5]", In(Name("x"), (Const(1), Const(-2), Const(2.5)), True)),
        ("v in []", In(Name("v"), ())),
        ("-1", Const(-1)),
        ("-(2.5)", Const(-2.5)),
        ("- -1", Unary("-", Const(-1))),
        ("True != False", Compare(("!=",), (Const(True), Const(False)))),
        ("'Hà Nội'", Const("Hà Nội")),
        ("min(a, 1, b)", Call("min", (Name("a"), Const(1), Name("b")))),
        ("f()", Call("f", ())),
        ("  x  # a comment", Name("x")),
        ("(x >\n  1)", Compare((">",), (Name("x"), Const(1)))),
    ],
)
def test_parses_into_the_ir(text: str, expected: Expr) -> None:
    assert parse_expression(text, None) == expected


def test_literal_equality_respects_the_type() -> None:
    assert Const(1) != Const(True)
    assert Const(1) != Const(1.0)
    assert Const(0) == Const(0)
    assert len({Const(1), Const(True), Const(1.0)}) == 3


def test_positions_are_character_columns_and_lines() -> None:
    expr = parse_expression("village == 'Hà' and (b or\n  c)", None)
    assert isinstance(expr, BoolOp)
    compare, either = expr.values
    assert (compare.line, compare.col) == (0, 0)
    assert isinstance(compare, Compare)
    assert (compare.operands[1].line, compare.operands[1].col) == (0, 11)
    assert isinstance(either, BoolOp)
    c = either.values[1]
    assert (c.line, c.col) == (1, 2)
    assert node_span(c, SPAN) == Span("criteria.yaml", 5, 3)
    assert node_span(compare.operands[1], SPAN) == SPAN.shifted(11)
    assert node_span(c, None) is None


def test_leading_spaces_keep_their_columns() -> None:
    assert the_problem("   a.b").message.endswith("(at column 4)")
    expr = parse_expression("  x", None)
    assert (expr.line, expr.col) == (0, 2)


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("a.b > 1", 0, "attribute access 'a.b'"),
        ("x + a.b > 1", 4, "attribute access"),
        ("x[1] > 1", 0, "subscript"),
        ("(lambda: 1) == 1", 1, "lambda"),
        ("[v for v in y]", 0, "list comprehension"),
        ("{v for v in y}", 0, "set comprehension"),
        ("{v: 1 for v in y}", 0, "dict comprehension"),
        ("min(v for v in y)", 3, "generator expression"),
        ("x ** 2 > 1", 2, "'**'"),
        ("x // 2", 2, "'//'"),
        ("x % 2", 2, "'%'"),
        ("b & c", 2, "'&'"),
        ("b | c", 2, "'|'"),
        ("i ^ j", 2, "'^'"),
        ("i << 2", 2, "'<<'"),
        ("i >> 2", 2, "'>>'"),
        ("~i", 0, "'~'"),
        ("x is y", 2, "'is'"),
        ("x is not y", 2, "'is'"),
        ("f'{x}' == 'a'", 0, "f-string"),
        ("(y := 1) > 0", 1, "assignment expression"),
        ("{'a': 1}", 0, "dict literal"),
        ("{1, 2}", 0, "set literal"),
        ("x, y", 0, "tuple literal"),
        ("[1, 2]", 0, "list literal"),
        ("x in (1, 2)", 5, "'in' without a literal list"),
        ("x in y", 5, "'in' without a literal list"),
        ("x in [1, y]", 9, "non-literal 'in' list item"),
        ("0 < x in [1]", 0, "chaining 'in'"),
        ("min(*y)", 4, "starred expression"),
        ("round(x, ndigits=2)", 9, "keyword argument 'ndigits=2'"),
        ("min(**y)", 4, "keyword argument '**y'"),
        ("x.f(1)", 0, "calling 'x.f'"),
        ("g(1)(2)", 0, "calling 'g(1)'"),
        ("x == None", 5, "None"),
        ("x == b'a'", 5, "the literal b'a'"),
        ("x == 1j", 5, "the literal 1j"),
        ("x == ...", 5, "the literal Ellipsis"),
        ("x < 1e999", 4, "a number this large"),
        ("x < 99999999999999999999", 4, "a number this large"),
    ],
)
def test_forbidden_syntax_is_reported_where_it_is(text: str, column: int, words: str) -> None:
    problem = the_problem(text)
    assert problem.code == "forbidden-syntax"
    assert words in problem.message
    assert problem.message.endswith(f"(at column {column + 1})")
    assert problem.span is None
    located = the_problem(text, SPAN)
    assert located.span == SPAN.shifted(column)
    assert "(at column" not in located.message


def test_hints_point_to_the_allowed_form() -> None:
    assert the_problem("b & c").hint == "use 'and'"
    assert "default(" in (the_problem("x == None").hint or "")
    assert "x in [1, 2]" in (the_problem("x in (1, 2)").hint or "")


def test_every_forbidden_construct_is_reported() -> None:
    problems = problems_of("a.b + x[1] ** 2 > 0 and f(k=1)", SPAN)
    assert [p.code for p in problems] == ["forbidden-syntax"] * 4
    assert [p.span for p in problems] == [SPAN.shifted(c) for c in (0, 6, 11, 26)]


def test_forbidden_syntax_on_a_later_line() -> None:
    problem = the_problem("(b and\n  x.y)", SPAN)
    assert problem.span == Span("criteria.yaml", 5, 3)
    assert the_problem("(b and\n  x.y)").message.endswith("(at line 2, column 3)")


@pytest.mark.parametrize(
    ("text", "column"),
    [("x +", 3), ("x ==", 4), ("x y", 2), ("(x", 0), ("'abc", 0), ("x $ 1", 2), ("yield", 0)],
)
def test_syntax_errors_are_located(text: str, column: int) -> None:
    problem = the_problem(text, SPAN)
    assert problem.code == "expression-syntax"
    assert problem.span == SPAN.shifted(column)


def test_syntax_error_columns_count_characters() -> None:
    problem = the_problem("'Hà Nội' $ 1", SPAN)
    assert problem.span == SPAN.shifted(9)


@pytest.mark.parametrize("text", ["", "   ", "# only a comment"])
def test_empty_text_is_a_syntax_error(text: str) -> None:
    assert the_problem(text).code == "expression-syntax"


def test_too_long() -> None:
    assert parse_expression("x" * 1000, None) == Name("x" * 1000)
    problem = the_problem("x" * 1001)
    assert problem.code == "expression-too-long"
    assert problem.message.startswith(
        "the expression is 1,001 characters long; the limit is 1,000")
    assert problem.text("vi").startswith("biểu thức dài 1.001 ký tự; giới hạn là 1.000")


@pytest.mark.parametrize(
    "text",
    [
        "(" * 5000 + "x" + ")" * 5000,
        "not " * 5000 + "b",
        "-" * 5000 + "x",
        "(" * 41 + "x" + ")" * 41,
        "not " * 41 + "b",
        "f(" * 41 + "x" + ")" * 41,
        "[" * 41 + "]" * 41,
        " + ".join(["x"] * 45),
        "x if b else " * 45 + "x",
    ],
)
def test_deep_nesting_is_too_deep_and_never_a_recursion_error(text: str) -> None:
    problems = problems_of(text)
    assert "expression-too-deep" in [p.code for p in problems]
    assert {p.code for p in problems} <= {"expression-too-deep", "expression-too-long"}


def test_nesting_up_to_the_limit_is_fine() -> None:
    assert parse_expression("(" * 40 + "x" + ")" * 40, None) == Name("x")
    assert parse_expression("not " * 38 + "b", None) is not None


def test_non_ascii_names_and_strings() -> None:
    assert parse_expression("làng == 'Hà Nội'", None) == Compare(
        ("==",), (Name("làng"), Const("Hà Nội"))
    )
    assert the_problem("làng == 'Hà Nội' and y.z").message.endswith("(at column 22)")


# --------------------------------------------------------------------------- render


@pytest.mark.parametrize(
    "text",
    [
        "a and b or c",
        "(a or b) and c",
        "(a and b) and c",
        "not (a and b)",
        "not a == b",
        "(not a) == b",
        "a - (b - c) * -d / (e + 1)",
        "--1",
        "-1 - -x",
        "a if b else c if d else e",
        "(a if b else c) if d else e",
        "(a < b) == (c < d)",
        "x not in ['a', 'b']",
        "(a + 1) in [1, 2.5, -3]",
        "ratio(a, b, 0.5) >= 0.75",
        "min(a if b else c, 1)",
        "'it\\'s' == \"q\\\"\"",
    ],
)
def test_render_is_canonical_and_round_trips(text: str) -> None:
    expr = parse_expression(text, None)
    rendered = render(expr)
    assert parse_expression(rendered, None) == expr
    assert render(parse_expression(rendered, None)) == rendered


def test_render_examples() -> None:
    assert render(parse_expression("(x+1)*  2>=y", None)) == "(x + 1) * 2 >= y"
    assert render(parse_expression("not(a)and(b)", None)) == "not a and b"
    assert render(Unary("-", Const(-1))) == "--1"


# --------------------------------------------------------------------------- names


def test_expression_names_excludes_functions() -> None:
    expr = parse_expression("ratio(a, b) > min(c, 1) and d in [1] and a", None)
    assert expression_names(expr) == {"a", "b", "c", "d"}
    assert sum(1 for _ in walk(expr)) == 12


# --------------------------------------------------------------------------- checking


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("children_in_school == school_age_children", "boolean"),
        ("ratio(adults_learning, adults) >= 0.5 and has_bookshelf", "boolean"),
        ("total >= 80 and mandatory_met", "boolean"),
        ("i + j", "integer"),
        ("i * j - 1", "integer"),
        ("i / j", "number"),
        ("i + x", "number"),
        ("-i", "integer"),
        ("x if b else i", "number"),
        ("i if b else j", "integer"),
        ("village if b else 'none'", "string"),
        ("min(i, j)", "integer"),
        ("max(i, x, 2)", "number"),
        ("abs(i)", "integer"),
        ("round(x, 2)", "number"),
        ("round(i)", "integer"),
        ("default(i, 0)", "integer"),
        ("default(i, 0.5)", "number"),
        ("default(b, False)", "boolean"),
        ("ratio(i, j, 0)", "number"),
        ("i == x", "boolean"),
        ("b == c", "boolean"),
        ("village != 'x'", "boolean"),
        ("level == 'low'", "boolean"),
        ("level in ['low', 'high']", "boolean"),
        ("i in [1, 2.5]", "boolean"),
        ("0 <= x < 10", "boolean"),
    ],
)
def test_types(text: str, kind: str) -> None:
    assert checked(text) == (kind, [])


def test_unknown_name_suggests_a_known_one() -> None:
    kind, problems = checked("adult_learning > 0")
    assert kind == "boolean"
    [problem] = problems
    assert problem.code == "unknown-name"
    assert problem.message == "unknown name 'adult_learning' (at column 1)"
    assert problem.hint == "did you mean 'adults_learning'?"


def test_unknown_name_hints() -> None:
    assert checked("b == true")[1][0].hint == "booleans are written True and False"
    assert "default(" in (checked("b == null")[1][0].hint or "")
    assert "call it" in (checked("ratio > 1")[1][0].hint or "")
    assert checked("qqqq > 1")[1][0].hint is None


def test_unknown_function_suggests_a_registered_one() -> None:
    _, problems = checked("rato(i, j) > 0.5")
    [problem] = problems
    assert problem.code == "unknown-function"
    assert problem.hint == "did you mean 'ratio'?"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abs(i, j)", "abs() takes 1 argument, found 2"),
        ("min(i)", "min() takes at least 2 arguments, found 1"),
        ("ratio(i)", "ratio() takes 2 to 3 arguments, found 1"),
        ("abs(village)", "argument 1 of abs() must be number, found string"),
        ("ratio(i, b)", "argument 2 of ratio() must be number, found boolean"),
        ("round(x, i)", "argument 2 of round() must be a literal value"),
        ("round(x, 1.5)", "argument 2 of round() must be integer, found number"),
        ("round(x, 16)", "ndigits must be a literal integer from 0 to 15"),
        ("round(x, -1)", "ndigits must be a literal integer from 0 to 15"),
        ("default(i, 'a')", "do not fit together: integer, string"),
    ],
)
def test_wrong_arguments(text: str, words: str) -> None:
    _, problems = checked(text)
    assert [p.code for p in problems] == ["wrong-arguments"], problems
    assert words in problems[0].message


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("i and b", "'and' needs boolean operands, found integer", 0),
        ("b or x", "'or' needs boolean operands, found number", 5),
        ("not i", "'not' needs boolean operands, found integer", 4),
        ("-b", "'-' needs numeric operands, found boolean", 1),
        ("i + village", "'+' needs numeric operands, found string", 4),
        ("village < 1", "'<' needs numeric operands, found string", 0),
        ("i == village", "'==' compares values of one type, found integer and string", 0),
        ("b != 1", "'!=' compares values of one type, found boolean and integer", 0),
        ("i if x else j", "the condition of 'if' needs boolean operands, found number", 5),
        ("i if b else village", "both branches of 'if' need one type", 0),
        ("i in ['a']", "'in' needs integer list items, found string 'a'", 6),
        ("b in [1]", "'in' needs boolean list items, found integer 1", 6),
    ],
)
def test_type_mismatch(text: str, message: str, column: int) -> None:
    _, problems = checked(text)
    assert [p.code for p in problems] == ["type-mismatch"], problems
    assert problems[0].message.startswith(message)
    assert problems[0].message.endswith(f"(at column {column + 1})")


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("level == 'hgh'", 9),
        ("'hgh' != level", 0),
        ("level in ['low', 'hgh']", 17),
        ("level not in ['hgh']", 14),
    ],
)
def test_unknown_enum_value(text: str, column: int) -> None:
    _, problems = checked(text)
    [problem] = problems
    assert problem.code == "unknown-enum-value"
    assert "'hgh' is not a value of 'level'" in problem.message
    assert "allowed values: 'low', 'mid', 'high'" in problem.message
    assert problem.message.endswith(f"(at column {column + 1})")
    assert problem.hint == "did you mean 'high'?"


def test_known_enum_values_and_plain_strings_are_fine() -> None:
    assert checked("level == 'mid' or village == 'hgh'") == ("boolean", [])


def test_all_problems_are_reported() -> None:
    kind, problems = checked("unknwn + 1 > 'a' and rato(2) and level == 'top' and not i")
    assert kind == "boolean"
    codes = [p.code for p in problems]
    assert codes == [
        "unknown-name",
        "type-mismatch",
        "unknown-function",
        "unknown-enum-value",
        "type-mismatch",
    ]


def test_problems_are_located_from_the_span() -> None:
    expr = parse_expression("(b and\n  i)", SPAN)
    _, problems = check_expression(expr, NAMES, SPAN)
    [problem] = problems
    assert problem.span == Span("criteria.yaml", 5, 3)
    assert "column" not in problem.message


def test_a_chained_comparison_reports_a_shared_operand_once() -> None:
    _, problems = checked("1 < village < 3")
    assert len(problems) == 1


def test_unknown_types_do_not_cascade() -> None:
    kind, problems = checked("nope + 1")
    assert kind is None
    assert [p.code for p in problems] == ["unknown-name"]


# --------------------------------------------------------------------------- functions


def test_registry_is_immutable_and_extensible() -> None:
    def double(x: pl.Expr) -> pl.Expr:
        return x * 2

    twice = Function("twice", ("number",), "number", double)
    registry = BUILTIN_FUNCTIONS.with_function(twice)
    assert "twice" in registry and "twice" not in BUILTIN_FUNCTIONS
    assert set(BUILTIN_FUNCTIONS) == {"ratio", "min", "max", "abs", "round", "default"}
    with pytest.raises(ValueError, match="already registered"):
        registry.with_function(twice)
    with pytest.raises(TypeError):
        registry["x"] = twice  # type: ignore[index]
    expr = parse_expression("twice(x) > 1", None)
    assert check_expression(expr, NAMES, None, registry) == ("boolean", [])
    assert check_expression(expr, NAMES, None)[1][0].code == "unknown-function"
    frame = pl.DataFrame({"x": [0.25, 1.0, None]})
    assert frame.select(to_polars(expr, pl.col, registry))["x"].to_list() == [False, True, None]
    with pytest.raises(ValueError, match="unknown function"):
        to_polars(expr, pl.col)


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": "not"},
        {"name": "a.b"},
        {"name": "f", "optional": 2},
        {"name": "f", "variadic": True, "optional": 1},
    ],
)
def test_function_definitions_are_validated(arguments: dict[str, Any]) -> None:
    base: dict[str, Any] = {"params": ("number",), "returns": "number", "build": abs}
    with pytest.raises(ValueError):
        Function(**(base | arguments))


def test_registry_rejects_duplicates_on_construction() -> None:
    function = BUILTIN_FUNCTIONS["abs"]
    with pytest.raises(ValueError):
        FunctionRegistry([function, function])


# --------------------------------------------------------------------------- evaluation

T, F, N = True, False, None
FRAME = pl.DataFrame(
    {
        "b": [T, T, T, F, F, F, N, N, N],
        "c": [T, F, N, T, F, N, T, F, N],
        "i": [4, 0, None, -3, 7, 2, 10, 1, 5],
        "j": [2, 0, 3, None, 2, 4, 4, 0, 5],
        "x": [2.5, -2.5, None, 0.125, 1.5, 0.375, -0.5, 0.0, 3.0],
        "level": ["low", "mid", None, "high", "low", "mid", "high", None, "low"],
        "village": ["a", "b", None, "a", "c", "b", "a", "a", "z"],
    },
    schema={
        "b": pl.Boolean,
        "c": pl.Boolean,
        "i": pl.Int64,
        "j": pl.Int64,
        "x": pl.Float64,
        "level": pl.String,
        "village": pl.String,
    },
)


def evaluate(text: str, frame: pl.DataFrame = FRAME) -> list[Any]:
    expr = parse_expression(text, None)
    kind, problems = check_expression(expr, NAMES, None)
    assert problems == []
    result = frame.select(to_polars(expr, pl.col).alias("result"))["result"]
    dtypes = {"integer": pl.Int64, "number": pl.Float64, "boolean": pl.Boolean}
    assert result.dtype == dtypes.get(kind or "", pl.String)
    return result.to_list()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b and c", [T, F, N, F, F, F, N, F, N]),
        ("b or c", [T, T, T, T, F, N, T, N, N]),
        ("not b", [F, F, F, T, T, T, N, N, N]),
        ("b and c and True", [T, F, N, F, F, F, N, F, N]),
        ("b == c", [T, F, N, F, T, N, N, N, N]),
        ("b != c", [F, T, N, T, F, N, N, N, N]),
    ],
)
def test_kleene_logic(text: str, expected: list[Any]) -> None:
    assert evaluate(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i + j", [6, 0, None, None, 9, 6, 14, 1, 10]),
        ("i - j", [2, 0, None, None, 5, -2, 6, 1, 0]),
        ("i * j", [8, 0, None, None, 14, 8, 40, 0, 25]),
        ("i / j", [2.0, None, None, None, 3.5, 0.5, 2.5, None, 1.0]),
        ("x / 5", [0.5, -0.5, None, 0.025, 0.3, 0.075, -0.1, 0.0, 0.6]),
        ("-i", [-4, 0, None, 3, -7, -2, -10, -1, -5]),
        ("+x", [2.5, -2.5, None, 0.125, 1.5, 0.375, -0.5, 0.0, 3.0]),
        ("i + x", [6.5, -2.5, None, -2.875, 8.5, 2.375, 9.5, 1.0, 8.0]),
        ("i < j", [F, F, N, N, F, T, F, F, F]),
        ("i <= j", [F, T, N, N, F, T, F, F, T]),
        ("i > j", [T, F, N, N, T, F, T, T, F]),
        ("i >= j", [T, T, N, N, T, F, T, T, T]),
        ("i == j", [F, T, N, N, F, F, F, F, T]),
        ("i != j", [T, F, N, N, T, T, T, T, F]),
        ("0 < i <= 5", [T, F, N, F, F, T, F, T, T]),
        ("j < i < 6", [T, F, N, N, F, F, F, T, F]),
        ("village == 'a'", [T, F, N, T, F, F, T, T, F]),
        ("village != level", [T, T, N, T, T, T, T, N, T]),
        ("i if b else j", [4, 0, N, N, 2, 4, N, N, N]),
        ("x if c else i", [2.5, 0.0, None, 0.125, 7.0, None, -0.5, 1.0, None]),
        ("level in ['low', 'high']", [T, F, N, T, T, F, T, N, T]),
        ("level not in ['low', 'high']", [F, T, N, F, F, T, F, N, F]),
        ("i in [0, 5.0]", [F, T, N, F, F, F, F, F, T]),
        ("i in []", [F, F, N, F, F, F, F, F, F]),
        ("i not in []", [T, T, N, T, T, T, T, T, T]),
    ],
)
def test_operators(text: str, expected: list[Any]) -> None:
    assert evaluate(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ratio(i, j)", [2.0, 1.0, None, None, 3.5, 0.5, 2.5, 1.0, 1.0]),
        ("ratio(i, j, 0)", [2.0, 0.0, None, None, 3.5, 0.5, 2.5, 0.0, 1.0]),
        ("ratio(i, j, x)", [2.0, -2.5, None, None, 3.5, 0.5, 2.5, 0.0, 1.0]),
        ("ratio(x, 5)", [0.5, -0.5, None, 0.025, 0.3, 0.075, -0.1, 0.0, 0.6]),
        ("min(i, j)", [2, 0, None, None, 2, 2, 4, 0, 5]),
        ("max(i, j)", [4, 0, None, None, 7, 4, 10, 1, 5]),
        ("min(i, j, x)", [2.0, -2.5, None, None, 1.5, 0.375, -0.5, 0.0, 3.0]),
        ("max(i, 3)", [4, 3, None, 3, 7, 3, 10, 3, 5]),
        ("abs(i)", [4, 0, None, 3, 7, 2, 10, 1, 5]),
        ("abs(x)", [2.5, 2.5, None, 0.125, 1.5, 0.375, 0.5, 0.0, 3.0]),
        ("round(x)", [3.0, -3.0, None, 0.0, 2.0, 0.0, -1.0, 0.0, 3.0]),
        ("round(x, 2)", [2.5, -2.5, None, 0.13, 1.5, 0.38, -0.5, 0.0, 3.0]),
        ("round(i)", [4, 0, None, -3, 7, 2, 10, 1, 5]),
        ("default(i, -1)", [4, 0, -1, -3, 7, 2, 10, 1, 5]),
        ("default(b, c)", [T, T, T, F, F, F, T, F, N]),
        ("default(i, x)", [4.0, 0.0, None, -3.0, 7.0, 2.0, 10.0, 1.0, 5.0]),
    ],
)
def test_functions(text: str, expected: list[Any]) -> None:
    assert evaluate(text) == expected


def test_ratio_is_one_when_there_is_nothing_to_count() -> None:
    frame = pl.DataFrame(
        {"children_in_school": [0, 1, 2, None, None], "school_age_children": [0, 2, 2, 0, None]},
        schema={"children_in_school": pl.Int64, "school_age_children": pl.Int64},
    )
    text = "ratio(children_in_school, school_age_children)"
    assert evaluate(text, frame) == [1.0, 0.5, 1.0, None, None]


@pytest.mark.parametrize("size", [0, 1, 9])
@pytest.mark.parametrize(
    "text", ["1 + 2", "min(1, 2.5)", "True or b", "'a' == 'a'", "i + 1", "default('x', village)"]
)
def test_one_value_per_row_for_any_frame_size(text: str, size: int) -> None:
    values = evaluate(text, FRAME.head(size))
    assert len(values) == size
    assert values == evaluate(text)[:size]


@pytest.mark.parametrize("size", [0, 1, 9])
@pytest.mark.parametrize("text", ["1 + 2", "True or b", "i + 1", "default('x', village)"])
def test_without_the_broadcast_guard_with_columns_still_gives_every_row(text: str,
                                                                       size: int) -> None:
    expr = parse_expression(text, None)
    frame = FRAME.head(size)
    fast = frame.with_columns(to_polars(expr, pl.col, broadcast=False).alias("result"))
    assert fast["result"].to_list() == evaluate(text, frame)


def test_text_that_is_not_valid_unicode_is_a_syntax_error() -> None:
    problem = the_problem("(x ==\n  '\ud800')", SPAN)
    assert problem.code == "expression-syntax"
    assert problem.span == Span("criteria.yaml", 5, 4)


@pytest.mark.parametrize("size", [1, 2, 9])
@pytest.mark.parametrize("text", ["x / i", "ratio(x, i)", "x / 5", "ratio(x, 5)"])
def test_division_is_exact_row_by_row_whatever_the_divisor(text: str, size: int) -> None:
    frame = pl.DataFrame({"x": [0.375] * size, "i": [5] * size},
                         schema={"x": pl.Float64, "i": pl.Int64})
    assert evaluate(text, frame) == [0.375 / 5] * size
