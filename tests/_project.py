"""Facts about this repository that several test files need, read from its one source."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def github_repository() -> str:
    """OWNER/REPO, from the one place it is set: [project.urls] in pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text()
    match = re.search(
        r'^Repository\s*=\s*"https://github\.com/([^/"]+/[^/"]+)"', text, re.MULTILINE
    )
    assert match, 'pyproject.toml: [project.urls] Repository = "https://github.com/OWNER/REPO"'
    return match[1]
