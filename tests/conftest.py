"""Shared test setup: kept minimal on purpose.

Skipping policy: a test that needs something the machine may lack (a browser,
repo2docker, git) calls ``require_or_skip(condition, reason)`` from
``tests/_requirements.py``::

    from _requirements import require_or_skip

It skips with the reason locally and fails when NN_REQUIRE_ALL=1 (CI), so the
policy lives in one place. ``tests/`` is on sys.path through ``pythonpath`` in
pyproject.toml. The ``require`` fixture below is the same function for tests
that prefer a fixture. ``report`` prints a line past pytest's capture (the browser and
site tests print their timings). ``close_figures`` closes every matplotlib figure after
each test. ``_project.py`` holds facts about the repository read from their one source.
"""

import sys

import pytest
from _requirements import require_or_skip


@pytest.fixture
def require():
    """The require_or_skip function, as a fixture."""
    return require_or_skip


@pytest.fixture(scope="module")
def report(request):
    """Print lines to the terminal even while pytest captures output (timings, paths)."""
    capture = request.config.pluginmanager.getplugin("capturemanager")

    def write(line: str) -> None:
        with capture.global_and_fixture_disabled():
            print(line, flush=True)

    return write


@pytest.fixture(autouse=True)
def close_figures():
    """No test leaves a matplotlib figure open for the next one."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
