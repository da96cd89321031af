"""Binder gets the lessons' outputs exactly, and a build plan that cannot break on a pin.

repo2docker reads environment.yml and ignores requirements.txt. It first
installs its own base environment (JupyterLab, Notebook, ipykernel,
ipywidgets), then updates it with environment.yml. The rule: exact where
outputs depend on it. numpy and matplotlib change what the lessons print, so
they are pinned exactly, at the versions of requirements.txt; the interface
packages are left to the base or given as ranges the base already satisfies,
so the update never has to re-solve it. postBuild then installs nn_helpers.
"""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from _requirements import require_or_skip
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
# What the lessons print depends on these: pinned exactly, as in requirements.txt.
# conda-forge name -> PyPI name.
OUTPUT_PACKAGES = {"numpy": "numpy", "matplotlib-base": "matplotlib"}
# The notebook interface: left to repo2docker's base, or a range (never exact).
INTERFACE_PACKAGES = {"jupyterlab", "notebook", "ipykernel", "ipywidgets"}
# The base's JupyterLab 4 renders ipywidgets 8 only (jupyterlab_widgets 3).
RENDERED_IPYWIDGETS = SpecifierSet(">=8,<9")
ENTRY = re.compile(r"([A-Za-z0-9_.-]+)\s*(.*)")
EXACT_VERSION = re.compile(r"=([0-9]+(\.[0-9]+)*)")
RANGE_CLAUSE = re.compile(r"(>=|<=|>|<|!=)\s*[0-9][A-Za-z0-9.]*")


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


def conda_specs() -> dict[str, str]:
    """{name: version spec} from environment.yml: `numpy=2.4.6` -> {"numpy": "=2.4.6"}."""
    specs = {}
    for entry in conda_environment()["dependencies"]:
        assert isinstance(entry, str), f"environment.yml: unexpected section {entry!r}"
        match = ENTRY.fullmatch(entry.strip())
        assert match, f"environment.yml: cannot read {entry!r}"
        specs[match[1].lower()] = match[2].replace(" ", "")
    return specs


def exact_version(spec: str) -> str | None:
    """`=2.4.6` -> "2.4.6"; None for anything else (ranges, wildcards, build strings)."""
    match = EXACT_VERSION.fullmatch(spec)
    return match[1] if match else None


def range_specifier(spec: str) -> SpecifierSet:
    """A conda range of comparison clauses (`>=8.1,<9`) as a PEP 440 SpecifierSet."""
    clauses = spec.split(",")
    assert spec and all(RANGE_CLAUSE.fullmatch(clause) for clause in clauses), (
        f"{spec!r} is not a range of >=, >, <, <=, != clauses"
    )
    return SpecifierSet(spec)


def test_environment_yml_uses_conda_forge_only():
    assert conda_environment()["channels"] == ["conda-forge"]


def test_environment_yml_pins_python_311():
    assert conda_specs().get("python") == "=3.11"


def test_environment_yml_lists_only_output_and_interface_packages():
    """Anything else needs a decision first: does it change what the lessons print?"""
    unknown = set(conda_specs()) - {"python"} - set(OUTPUT_PACKAGES) - INTERFACE_PACKAGES
    assert not unknown


def test_output_packages_are_pinned_exactly_as_in_requirements_txt():
    specs = conda_specs()
    pins = pip_pins(ROOT / "requirements.txt")
    for conda_name, pypi_name in OUTPUT_PACKAGES.items():
        assert conda_name in specs, f"environment.yml must pin {conda_name}"
        version = exact_version(specs[conda_name])
        assert version, f"{conda_name}: {specs[conda_name]!r} is not an exact `=X.Y.Z` pin"
        assert version == pins[pypi_name], f"{conda_name} {version} != requirements.txt"


def test_interface_packages_are_ranges_or_left_to_the_base():
    for name, spec in conda_specs().items():
        if name in INTERFACE_PACKAGES:
            range_specifier(spec)  # fails on an exact pin


def test_ipywidgets_is_a_range_the_base_jupyterlab_renders():
    spec = range_specifier(conda_specs().get("ipywidgets", ""))
    for probe in ("7.7.1", "7.99", "9.0.0"):  # rendered: 8.x only
        assert spec.contains(probe) == RENDERED_IPYWIDGETS.contains(probe), (spec, probe)
    assert spec.contains(pip_pins(ROOT / "requirements.txt")["ipywidgets"])


def test_requirements_txt_interface_versions_lie_in_the_binder_ranges():
    """`make lab` and Binder run the same line of every interface package."""
    pins = pip_pins(ROOT / "requirements.txt")
    for name, spec in conda_specs().items():
        if name in INTERFACE_PACKAGES and name in pins:
            assert range_specifier(spec).contains(pins[name]), (name, spec, pins[name])


def test_post_build_installs_the_helper_module():
    post_build = ROOT / "postBuild"
    assert post_build.stat().st_mode & 0o111, "postBuild must be executable"
    assert re.search(r"pip install --no-deps -e \.", post_build.read_text())


def require_repo2docker() -> None:
    require_or_skip(
        importlib.util.find_spec("repo2docker") is not None,
        "jupyter-repo2docker is not installed (pip install -r requirements-ci.txt)",
    )


@pytest.fixture(scope="module")
def repo2docker_plan() -> str:
    """What `repo2docker --no-build --debug .` prints: the generated Dockerfile and its log."""
    require_repo2docker()
    result = subprocess.run(
        [sys.executable, "-m", "repo2docker", "--no-build", "--debug", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def base_environment() -> dict[str, str]:
    """{name: version} of repo2docker's base environment for Python 3.11 (its lock file)."""
    require_repo2docker()
    (package_dir,) = importlib.util.find_spec("repo2docker").submodule_search_locations
    lock = Path(package_dir) / "buildpacks" / "conda" / "environment.py-3.11-linux-64.lock"
    assert lock.exists(), f"repo2docker no longer ships {lock.name}: update this test"
    found = re.findall(r"/([^/\s]+)-([^-/\s]+)-[^-/\s]+\.(?:conda|tar\.bz2)#", lock.read_text())
    return {name.lower(): version for name, version in found}


def test_the_base_environment_already_satisfies_every_interface_range(base_environment):
    """Nothing of the base has to change for environment.yml's interface entries."""
    for name, spec in conda_specs().items():
        if name in INTERFACE_PACKAGES:
            assert name in base_environment, f"{name} is not in repo2docker's base"
            assert range_specifier(spec).contains(base_environment[name]), (
                f"{name}{spec} excludes the base's {base_environment[name]}"
            )


def test_repo2docker_builds_python_311(repo2docker_plan):
    assert "Building conda environment for python=3.11" in repo2docker_plan


def test_repo2docker_installs_environment_yml(repo2docker_plan):
    assert re.search(r"env update .*--file \"environment.yml\"", repo2docker_plan)


def test_repo2docker_runs_post_build_after_copying_the_repository(repo2docker_plan):
    # The owner is the user running repo2docker: 0:0 as root, 1000:1000 or 1001:... otherwise.
    copy_repository = re.search(r"COPY --chown=\d+:\d+ src/ \$\{REPO_DIR\}/", repo2docker_plan)
    assert copy_repository, "no COPY of the repository in the build plan"
    assert repo2docker_plan.index("RUN ./postBuild") > copy_repository.start()
