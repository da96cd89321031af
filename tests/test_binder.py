"""Binder gets the same environment as `make lab`, and a build plan that works.

repo2docker reads environment.yml and ignores requirements.txt, so the two
files must agree by hand; postBuild then installs nn_helpers.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from _requirements import require_or_skip

ROOT = Path(__file__).resolve().parent.parent
# conda-forge names that differ from the PyPI names in requirements.txt.
CONDA_TO_PYPI = {"matplotlib-base": "matplotlib"}


def pip_pins(path: Path) -> dict[str, str]:
    """{name: version} from `name==version` lines; -r includes and comments skipped."""
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        name, sep, version = line.partition("==")
        assert sep, f"{path.name}: {line!r} is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def conda_environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text())


def conda_pins() -> dict[str, str]:
    """{name: version} from environment.yml's `name=version` entries."""
    pins = {}
    for entry in conda_environment()["dependencies"]:
        assert isinstance(entry, str), f"environment.yml: unexpected section {entry!r}"
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)=([0-9][A-Za-z0-9.]*)", entry)
        assert match, f"environment.yml: {entry!r} is not `name=version` (no build string)"
        pins[match[1].lower()] = match[2]
    return pins


def test_environment_yml_uses_conda_forge_only():
    assert conda_environment()["channels"] == ["conda-forge"]


def test_environment_yml_pins_python_311():
    assert conda_pins().get("python") == "3.11"


def test_requirements_and_environment_yml_agree():
    from_conda = {
        CONDA_TO_PYPI.get(name, name): version
        for name, version in conda_pins().items()
        if name != "python"
    }
    assert from_conda == pip_pins(ROOT / "requirements.txt")


def test_post_build_installs_the_helper_module():
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    assert re.search(r"pip install --no-deps -e \.", post_build.read_text())


@pytest.fixture(scope="module")
def repo2docker_plan() -> str:
    """What `repo2docker --no-build --debug .` prints: the generated Dockerfile and its log."""
    require_or_skip(
        importlib.util.find_spec("repo2docker") is not None,
        "jupyter-repo2docker is not installed (pip install -r requirements-ci.txt)",
    )
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_repo2docker_builds_python_311(repo2docker_plan):
    assert "Building conda environment for python=3.11" in repo2docker_plan


def test_repo2docker_installs_environment_yml(repo2docker_plan):
    assert re.search(r"env update .*--file \"environment.yml\"", repo2docker_plan)


def test_repo2docker_runs_post_build_after_copying_the_repository(repo2docker_plan):
    copy_repository = repo2docker_plan.index("COPY --chown=0:0 src/ ${REPO_DIR}/")
    assert repo2docker_plan.index("RUN ./postBuild") > copy_repository
