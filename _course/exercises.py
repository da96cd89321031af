"""The exercise checker: ``check(key, answer)`` says right, close or not yet, with a hint.

The expected answers are computed (``_course/answers.py`` registers how, from
each lesson's setup) and never printed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Exercise:
    """A question whose answer ``solve()`` computes; answers are judged to 3 decimals."""

    question: str
    solve: Callable[[], object]
    hint: str
    tolerance: float = 5e-4  # half a unit in the 3rd decimal: a correctly rounded answer passes

    @functools.cached_property
    def expected(self) -> np.ndarray:
        """``solve()`` as a read-only float array, computed once: some solves train
        hundreds of networks (~0.5 s), and a learner may check many times."""
        answer = np.array(self.solve(), dtype=float)
        answer.setflags(write=False)
        return answer


EXERCISES: dict[str, Exercise] = {}


def exercise(key: str, question: str, hint: str, tolerance: float = 5e-4):
    """Register ``solve`` as the answer to exercise ``key`` (a decorator)."""

    def register(solve: Callable[[], object]) -> Callable[[], object]:
        if key in EXERCISES:
            raise ValueError(f"exercise {key!r} is registered twice")
        EXERCISES[key] = Exercise(question, solve, hint, tolerance)
        return solve

    return register


def judge(key: str, answer) -> str:
    """The verdict on an answer to exercise ``key``: unanswered, right, close or wrong."""
    if not isinstance(key, str):
        raise ValueError(f"the exercise key must be text like '02.1', got {key!r}")
    if key not in EXERCISES:
        raise ValueError(f"no exercise called {key!r}; known: {sorted(EXERCISES)}")
    if answer is None or answer is Ellipsis:
        return "unanswered"
    ex = EXERCISES[key]
    expected = ex.expected
    if isinstance(answer, (str, bytes)):
        return "wrong"  # "0.5" is text, not a number: the message says so
    try:
        given = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return "wrong"
    if given.shape != expected.shape:
        # A scalar typed as [x] or a list typed flat still counts if the numbers match.
        if given.size != expected.size:
            return "wrong"
        given = given.reshape(expected.shape)
    if not np.isfinite(given).all():
        return "wrong"
    error = np.abs(given - expected)
    if np.all(error <= ex.tolerance):
        return "right"
    # "Close" means off by no more than rounding to 2 decimals explains (0.005, plus the
    # slack of a right answer), so its advice, round to 3, is right.  A count or a shape
    # is never "close".
    whole_numbers = np.array_equal(expected, np.round(expected))
    if not whole_numbers and np.all(error <= 0.005 + ex.tolerance):
        return "close"
    return "wrong"


def check(key: str, answer) -> None:
    """Print a verdict on ``answer`` for exercise ``key`` without revealing the solution.

    Returns nothing, so a notebook cell ending in ``check(...)`` shows only the message.
    """
    verdict = judge(key, answer)
    ex = EXERCISES[key]
    if isinstance(answer, (str, bytes)):
        print(
            f"Exercise {key}: your answer is text ({answer!r}); type the number itself, "
            "without quotes."
        )
        return
    messages = {
        "unanswered": f"Exercise {key}: replace ... with your answer and run this cell again.",
        "right": f"Exercise {key}: right!",
        "close": f"Exercise {key}: close. Keep every digit until the end, round to 3 decimals, "
        f"and check again. Hint: {ex.hint}",
        "wrong": f"Exercise {key}: not yet. Hint: {ex.hint}",
    }
    print(messages[verdict])
