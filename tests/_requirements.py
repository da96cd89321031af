"""One policy for tests that need something the machine may lack.

    from _requirements import require_or_skip

    require_or_skip(shutil.which("chromium") is not None, "Chromium is not installed")

Locally a missing tool skips the test with the reason shown (pytest -ra).
With NN_REQUIRE_ALL=1 (set by .ci/run) it fails instead, so CI can never go
green by skipping. Works inside a test and at module level.
"""

import os

import pytest

REQUIRE_ALL_VARIABLE = "NN_REQUIRE_ALL"


def require_all() -> bool:
    """True when skipping is forbidden (NN_REQUIRE_ALL=1)."""
    return os.environ.get(REQUIRE_ALL_VARIABLE) == "1"


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip (or, under NN_REQUIRE_ALL=1, fail) unless `condition` holds."""
    if condition:
        return
    if require_all():
        pytest.fail(
            f"{reason} ({REQUIRE_ALL_VARIABLE}=1 turns this skip into a failure)", pytrace=False
        )
    pytest.skip(reason, allow_module_level=True)
