"""Shared test setup: kept minimal on purpose.

Skipping policy: a test that needs something the machine may lack (a browser,
repo2docker, git) calls ``require_or_skip(condition, reason)`` from
``tests/_requirements.py``::

    from _requirements import require_or_skip

It skips with the reason locally and fails when NN_REQUIRE_ALL=1 (CI), so the
policy lives in one place. ``tests/`` is on sys.path through ``pythonpath`` in
pyproject.toml. The ``require`` fixture below is the same function for tests
that prefer a fixture. ``close_figures`` closes every matplotlib figure after each test.
"""

import sys

import pytest
from _requirements import require_or_skip


@pytest.fixture
def require():
    """The require_or_skip function, as a fixture."""
    return require_or_skip


@pytest.fixture(autouse=True)
def close_figures():
    """No test leaves a matplotlib figure open for the next one."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
