"""The project's own metadata agrees with itself, and a plain install ships the helper.

Colab installs the helper with `pip install git+...`: a non-editable install,
so only what pyproject.toml's packaging lists reaches the learner.
"""

import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import yaml
from _requirements import require_or_skip
from test_binder import pip_pins

ROOT = Path(__file__).resolve().parent.parent
# The Colab-like stack has Colab's own versions of these; every other pin agrees.
COLAB_OWN = {"numpy", "matplotlib", "ipywidgets", "ipykernel", "pyparsing"}


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def tracked_files() -> list[str]:
    require_or_skip(
        shutil.which("git") is not None and (ROOT / ".git").exists(), "not a git checkout"
    )
    return subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()


def test_a_non_editable_install_ships_the_helper_and_its_package(tmp_path):
    """Built from the tracked files only, as from a clone: nn_helpers.py, _course/, no more."""
    tracked = [path for path in tracked_files() if (ROOT / path).is_file()]
    source = tmp_path / "source"
    for path in tracked:
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, source / path)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp_path, source],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    expected = {"nn_helpers.py"} | {
        path for path in tracked if path.startswith("_course/") and path.endswith(".py")
    }
    assert expected <= shipped, f"missing from the wheel: {sorted(expected - shipped)}"
    top_level = {name.split("/", 1)[0] for name in shipped if ".dist-info/" not in name}
    assert top_level <= {"nn_helpers.py", "_course"}, f"ships more than the helper: {top_level}"


def test_citation_matches_pyproject():
    project = pyproject()["project"]
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["version"] == project["version"]
    assert citation["repository-code"] == project["urls"]["Repository"]
    assert project["license"] in citation["license"]
    assert citation["title"] in (ROOT / "README.md").read_text().splitlines()[0]


def test_licence_files_exist_and_are_named_in_the_readme():
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    readme = (ROOT / "README.md").read_text()
    assert "[MIT](LICENSE)" in readme and "CC BY 4.0" in readme


def test_python_floor_is_the_same_everywhere():
    """requires-python, ruff's target and the README name the same oldest Python."""
    config = pyproject()
    floor = re.fullmatch(r">=3\.(\d+)", config["project"]["requires-python"])
    assert floor, "requires-python must be '>=3.N'"
    assert config["tool"]["ruff"]["target-version"] == f"py3{floor[1]}"
    assert f"Python 3.{floor[1]}–3." in (ROOT / "README.md").read_text()


def test_colab_stack_uses_the_same_test_tools():
    """requirements-colab.txt differs from requirements-test.txt only in Colab's own versions."""
    colab = pip_pins(ROOT / "requirements-colab.txt")
    test = pip_pins(ROOT / "requirements-test.txt") | pip_pins(ROOT / "requirements.txt")
    differ = {
        name: (version, test[name])
        for name, version in colab.items()
        if name in test and name not in COLAB_OWN and version != test[name]
    }
    assert not differ
