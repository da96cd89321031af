"""The layout of the helper module: nn_helpers.py is the math learners read, _course the machinery.

Read from the source files, so a forbidden import or a leftover answer function
fails here even if nothing calls it.
"""

import ast
import inspect
from pathlib import Path

import nn_helpers as nn

ROOT = Path(__file__).resolve().parent.parent
NN_HELPERS = ROOT / "nn_helpers.py"
MODULES = [NN_HELPERS, *sorted((ROOT / "_course").glob("*.py"))]


def parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imports_course(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").split(".")[0] == "_course"
    return isinstance(node, ast.Import) and any(
        alias.name.split(".")[0] == "_course" for alias in node.names
    )


def test_nn_helpers_exports_exactly_what_it_has_and_stays_short():
    assert len(nn.__all__) == len(set(nn.__all__))
    missing = [name for name in nn.__all__ if not hasattr(nn, name)]
    assert not missing, f"__all__ names what nn_helpers lacks: {missing}"
    lines = NN_HELPERS.read_text(encoding="utf-8").count("\n")
    assert lines <= 1000, f"nn_helpers.py has {lines} lines, more than 1000"


def test_every_public_function_of_nn_helpers_is_exported():
    defined = {
        node.name
        for node in parse(NN_HELPERS).body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")
    }
    assert defined <= set(nn.__all__), sorted(defined - set(nn.__all__))


def test_no_module_defines_an_answer_function():
    """Answers are registered in _course/answers.py under names that say what they compute."""
    for path in MODULES:
        for node in ast.walk(parse(path)):
            name = getattr(node, "name", None) or getattr(node, "id", None) or ""
            assert "_solve_" not in name, f"{path.name}:{node.lineno} defines {name}"


def test_nn_helpers_imports_course_only_for_validation_and_the_re_exports_at_the_end():
    body = parse(NN_HELPERS).body
    course = [i for i, node in enumerate(body) if imports_course(node)]
    first, *re_exports = course
    assert ast.unparse(body[first]) == "from _course import validation as valid"
    definitions = [
        i for i, node in enumerate(body) if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    ]
    assert first < definitions[0], "validation is imported at the top"
    assert re_exports and re_exports[0] > definitions[-1], "the re-exports follow all the math"
    assert re_exports == list(range(re_exports[0], re_exports[-1] + 1)), "one block"
    after = [ast.unparse(node).split("=")[0].strip() for node in body[re_exports[-1] + 1 :]]
    assert after == ["__all__"]
    nested = [
        node.lineno
        for statement in body
        if isinstance(statement, (ast.FunctionDef, ast.ClassDef))
        for node in ast.walk(statement)
        if imports_course(node)
    ]
    assert not nested, f"nn_helpers.py imports _course inside a function at lines {nested}"


def test_the_removed_api_stays_removed():
    for name in ("train_sigmoid_network", "rounded_accuracy", "NoBiasLinearLayer"):
        assert not hasattr(nn, name), name
    assert "decimals" not in inspect.signature(nn.plot_decision_boundary).parameters
