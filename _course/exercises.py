"""The exercise checker: ``check(key, answer)`` says right, close or not yet, and why.

The expected answers are computed (``_course/answers.py`` registers how, from
each lesson's setup) and never printed.  A wrong answer gets a diagnosis when
it is a known slip: one the exercise declares (``Slip``: a value computed from
the setup and what it means), or a generic one the checker recognises where it
fits — the opposite sign, a count for a fraction or the reverse, a percentage
for a fraction, rows and columns swapped, a shape or a number typed as text.
Otherwise the hints come in stages: the idea first, the formula from the
second wrong try on.  Neither a hint nor a diagnosis states an answer.
"""

from __future__ import annotations

import ast
import collections
import functools
from dataclasses import dataclass
from typing import Callable, NamedTuple

import numpy as np

# What an exercise asks for: the checker's generic slips depend on it.
KINDS = ("number", "fraction", "count", "shape", "sign", "choice")


@dataclass(frozen=True)
class Slip:
    """A likely wrong answer: ``value()`` computes it from the setup, ``message`` says
    what it is (without quoting it)."""

    name: str
    value: Callable[[], object]
    message: str


@dataclass(frozen=True)
class Exercise:
    """A question whose answer ``solve()`` computes; numbers are judged to 3 decimals.

    ``hint`` points at the idea (first wrong try), ``more_help`` gives the formula
    (second wrong try on).  ``kind`` is one of ``KINDS``; a fraction or a count of
    ``out_of`` things; a choice among the numbered ``options``.
    """

    question: str
    solve: Callable[[], object]
    hint: str
    more_help: str
    tolerance: float = 5e-4  # half a unit in the 3rd decimal: a correctly rounded answer passes
    kind: str = "number"
    out_of: int | None = None
    options: tuple[str, ...] = ()
    slips: tuple[Slip, ...] = ()

    @functools.cached_property
    def expected(self) -> np.ndarray:
        """``solve()`` as a read-only float array, computed once: some solves train
        hundreds of networks (~0.5 s), and a learner may check many times."""
        return _frozen(self.solve())

    @functools.cached_property
    def slip_values(self) -> tuple[tuple[Slip, np.ndarray], ...]:
        """Each declared slip with its computed value (computed once, on the first wrong try)."""
        return tuple((slip, _frozen(slip.value())) for slip in self.slips)


def _frozen(value) -> np.ndarray:
    array = np.array(value, dtype=float)
    array.setflags(write=False)
    return array


EXERCISES: dict[str, Exercise] = {}

# Wrong tries per exercise in this kernel: the second one on brings the formula.  An
# unanswered ``...`` and an answer typed as text are not tries.
TRIES: collections.Counter[str] = collections.Counter()


def exercise(
    key: str,
    question: str,
    hint: str,
    more_help: str,
    *,
    tolerance: float = 5e-4,
    kind: str = "number",
    out_of: int | None = None,
    options: tuple[str, ...] = (),
    slips: tuple[Slip, ...] | list[Slip] = (),
):
    """Register ``solve`` as the answer to exercise ``key`` (a decorator)."""
    if kind not in KINDS:
        raise ValueError(f"exercise {key!r}: kind must be one of {KINDS}, got {kind!r}")
    if (kind == "choice") != bool(options):
        raise ValueError(f"exercise {key!r}: a choice, and only a choice, has options")

    def register(solve: Callable[[], object]) -> Callable[[], object]:
        if key in EXERCISES:
            raise ValueError(f"exercise {key!r} is registered twice")
        EXERCISES[key] = Exercise(
            question, solve, hint, more_help, tolerance, kind, out_of, tuple(options), tuple(slips)
        )
        return solve

    return register


class Diagnosis(NamedTuple):
    """The verdict (unanswered, right, close or wrong), what the learner is told about
    it (None: the plain hint), and whether it counts as a try."""

    verdict: str
    reason: str | None = None
    is_a_try: bool = True


def _exercise(key) -> Exercise:
    if not isinstance(key, str):
        raise ValueError(f"the exercise key must be text like '02.1', got {key!r}")
    if key not in EXERCISES:
        raise ValueError(f"no exercise called {key!r}; known: {sorted(EXERCISES)}")
    return EXERCISES[key]


def _text_reason(ex: Exercise, answer: str | bytes) -> str:
    try:
        parsed = ast.literal_eval(answer.decode() if isinstance(answer, bytes) else answer)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        parsed = None
    if ex.kind == "shape" and isinstance(parsed, (tuple, list)):
        return (
            f"your answer is text ({answer!r}), a shape in quotes; type the tuple itself, "
            "without quotes: (rows, columns)."
        )
    what = "the number of the option" if ex.kind == "choice" else "the number itself"
    return f"your answer is text ({answer!r}); type {what}, without quotes."


def _matches(given: np.ndarray, value: np.ndarray, tolerance: float) -> bool:
    """Equal within ``tolerance``, and a hair more: -0.0625 rounded to 3 decimals still matches."""
    slack = tolerance + 1e-12
    return given.shape == value.shape and bool(np.all(np.abs(given - value) <= slack))


def _generic_slip(ex: Exercise, given: np.ndarray) -> str | None:
    """The checker's own slips, where they fit the kind of answer asked for."""
    expected, tol = ex.expected, ex.tolerance
    if ex.kind == "choice" and not (
        given.size == 1 and given.item() in range(1, len(ex.options) + 1)
    ):
        return f"answer with the number of one option, 1 to {len(ex.options)}."
    if ex.kind == "sign" and not (given.size == 1 and abs(given.item()) == 1):
        return "answer with a sign: 1 or -1."
    if (
        ex.kind in ("number", "fraction")
        and np.any(expected != 0)
        and _matches(given, -expected, tol)
    ):
        return "check the sign."
    if ex.kind == "fraction" and ex.out_of and _matches(given, expected * ex.out_of, tol):
        return f"that looks like a count (out of {ex.out_of}); the question asks for a fraction."
    if ex.kind == "fraction" and _matches(given, expected * 100, 100 * tol):
        return "that looks like a percentage; type the fraction (a number from 0 to 1)."
    if ex.kind == "count" and ex.out_of and _matches(given, expected / ex.out_of, tol):
        return f"that looks like a fraction; the question asks for a count (out of {ex.out_of})."
    if ex.kind == "shape" and expected.size == 2 and _matches(given, expected[::-1], tol):
        return "rows and columns are swapped."
    return None


def diagnose(key: str, answer) -> Diagnosis:
    """The verdict on an answer to exercise ``key``, and the slip it shows, if known."""
    ex = _exercise(key)
    if answer is None or answer is Ellipsis:
        return Diagnosis("unanswered", is_a_try=False)
    if isinstance(answer, (str, bytes)):
        return Diagnosis("wrong", _text_reason(ex, answer), is_a_try=False)
    expected = ex.expected
    try:
        given = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return Diagnosis("wrong")
    if given.shape != expected.shape:
        # A scalar typed as [x] or a list typed flat still counts if the numbers match.
        if given.size != expected.size:
            return Diagnosis("wrong")
        given = given.reshape(expected.shape)
    if not np.isfinite(given).all():
        return Diagnosis("wrong")
    if _matches(given, expected, ex.tolerance):
        return Diagnosis("right")
    for slip, value in ex.slip_values:
        if value.size == given.size and _matches(given, value.reshape(given.shape), ex.tolerance):
            return Diagnosis("wrong", slip.message)
    reason = _generic_slip(ex, given)
    if reason is not None:
        return Diagnosis("wrong", reason)
    # "Close" means off by no more than rounding to 2 decimals explains (0.005, plus the
    # slack of a right answer), so its advice, round to 3, is right.  A count, a shape,
    # a sign or a choice is never "close".
    whole_numbers = np.array_equal(expected, np.round(expected))
    error = np.abs(given - expected)
    if ex.kind in ("number", "fraction") and not whole_numbers:
        if np.all(error <= 0.005 + ex.tolerance):
            return Diagnosis("close")
    return Diagnosis("wrong")


def judge(key: str, answer) -> str:
    """The verdict on an answer to exercise ``key``: unanswered, right, close or wrong."""
    return diagnose(key, answer).verdict


def check(key: str, answer) -> None:
    """Print a verdict on ``answer`` for exercise ``key`` without revealing the solution.

    The first wrong try gets the hint (the idea), later ones the formula too; a known
    slip is named.  Returns nothing, so a cell ending in ``check(...)`` shows only the message.
    """
    verdict, reason, is_a_try = diagnose(key, answer)
    ex = EXERCISES[key]
    if is_a_try and verdict != "right":
        TRIES[key] += 1
    more = f" More help: {ex.more_help}" if TRIES[key] >= 2 else ""
    if verdict == "unanswered":
        message = "replace ... with your answer and run this cell again."
    elif verdict == "right":
        message = "right!"
    elif verdict == "close":
        message = "close. Keep every digit until the end, round to 3 decimals, and check again."
    elif not is_a_try:
        message = reason
    elif reason is not None:
        message = f"not yet: {reason}{more}"
    else:
        message = f"not yet. Hint: {ex.hint}{more}"
    print(f"Exercise {key}: {message}")
