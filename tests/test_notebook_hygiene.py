"""The notebooks as a learner (and nbval) meets them.

Each check reads the stored .ipynb files only; nbval re-runs them separately.
To refresh stored outputs: `make execute`.
"""

import base64
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import nbformat
import pytest
from _project import github_repository
from _requirements import require_or_skip

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

NAME = re.compile(r"(\d\d)_[a-z0-9]+(_[a-z0-9]+)*\.ipynb")
MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# RuntimeWarning, UserWarning, ... as Python prints them; NumPy's overflow message.
PYTHON_WARNING = re.compile(r"\b[A-Z]\w*Warning\b|overflow encountered")
SYS_PATH_EDIT = re.compile(r"\bsys\.path\b")
STAR_IMPORT = re.compile(r"^\s*from\s+\S+\s+import\s+\*", re.MULTILINE)
HELPER_IMPORT = re.compile(
    r"^\s*(from\s+nn_helpers\s+import\b|import\s+nn_helpers\b)", re.MULTILINE
)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_LINK = re.compile(r"""href=["']([^"']+)["']""")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE)
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\"'<>]+")
COLAB_LINK = re.compile(r"https://colab\.research\.google\.com/github/[^\s)\"'<>]+")
# The first code cell: a no-op except on Colab, where it installs the helper alone.
COLAB_GUARD = 'if "google.colab" in sys.modules:'
JUNK = re.compile(
    r"(^|/)(__pycache__|\.ipynb_checkpoints|\.pytest_cache|\.ruff_cache|\.venv[^/]*)/"
    r"|(^|/)Untitled[^/]*\.ipynb$|\.py[cod]$|\.egg-info/|(^|/)\.DS_Store$"
)


def binder_link(notebook_name: str) -> str:
    """The badge link that opens notebooks/<notebook_name> in JupyterLab on Binder."""
    return (
        f"https://mybinder.org/v2/gh/{github_repository()}/HEAD"
        f"?urlpath=lab/tree/notebooks/{notebook_name}"
    )


def colab_link(notebook_name: str) -> str:
    """The badge link that opens notebooks/<notebook_name> (branch main) on Google Colab."""
    return (
        f"https://colab.research.google.com/github/{github_repository()}"
        f"/blob/main/notebooks/{notebook_name}"
    )


def colab_install() -> list[str]:
    """The guarded lines of the first code cell: pip-install the helper alone, from the
    branch the badges open (plain Python, not %pip: tests parse code cells with ast)."""
    name = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    return [
        f'helper = "{name} @ git+https://github.com/{github_repository()}@main"',
        'subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", helper], '
        "check=True)",
    ]


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def code_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def markdown_cells(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "markdown"]


def output_text(output) -> str:
    """Everything an output shows as text: stream text, plain text, HTML, tracebacks."""
    parts = [output.get("text", "")]
    for mime in ("text/plain", "text/html"):
        parts.append(output.get("data", {}).get(mime, ""))
    parts.extend(output.get("traceback", []))
    return "\n".join(part if isinstance(part, str) else "".join(part) for part in parts)


def all_outputs(notebook):
    """(cell, output) for every stored output."""
    return [(cell, output) for cell in code_cells(notebook) for output in cell.outputs]


def output_texts(notebook) -> list[str]:
    return [output_text(output) for _, output in all_outputs(notebook)]


def local_links(markdown: str) -> list[str]:
    """Link targets in markdown or HTML that are files in this repository, anchors dropped."""
    targets = [
        target
        for pattern in (MARKDOWN_LINK, REFERENCE_LINK, HTML_LINK)
        for target in pattern.findall(markdown)
    ]
    return [
        target.split("#", 1)[0]
        for target in targets
        if not re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE)  # http:, mailto:, ...
        and not target.startswith("#")
    ]


def test_there_are_notebooks_numbered_in_reading_order():
    names = [path.name for path in NOTEBOOKS]
    assert names, "no notebooks/*.ipynb"
    bad = [name for name in names if not NAME.fullmatch(name)]
    assert not bad, f"names must look like 01_snake_case.ipynb: {bad}"
    numbers = [int(NAME.fullmatch(name)[1]) for name in names]
    assert numbers == list(range(1, len(names) + 1)), f"not numbered 01, 02, ... : {names}"


@pytest.fixture(params=NOTEBOOKS, ids=[path.name for path in NOTEBOOKS])
def notebook_path(request) -> Path:
    return request.param


@pytest.fixture
def notebook(notebook_path) -> nbformat.NotebookNode:
    return read(notebook_path)


def test_is_valid_nbformat(notebook):
    nbformat.validate(notebook)


def test_was_executed_top_to_bottom_in_one_fresh_kernel(notebook):
    counts = [cell.execution_count for cell in code_cells(notebook) if cell.source.strip()]
    in_order = counts == list(range(1, len(counts) + 1))
    assert in_order, f"execution counts {counts}: run `make execute`"


def test_has_no_error_outputs(notebook):
    """An error is stored only where a cell is tagged raises-exception on purpose."""
    errors = [
        output.get("ename")
        for cell, output in all_outputs(notebook)
        if output.output_type == "error" and "raises-exception" not in cell.metadata.get("tags", [])
    ]
    assert not errors


def test_no_output_shows_a_memory_address(notebook):
    """Usually a plotting cell that should end with plt.show()."""
    assert not [text for text in output_texts(notebook) if MEMORY_ADDRESS.search(text)]


def test_no_warning_reaches_the_learner(notebook):
    """RuntimeWarning, overflow encountered, ...: use np.errstate or fix the cause."""
    assert not [text for text in output_texts(notebook) if PYTHON_WARNING.search(text)]


def test_no_sys_path_edits_and_no_star_imports(notebook):
    for cell in code_cells(notebook):
        assert not SYS_PATH_EDIT.search(cell.source), "nn_helpers is installed: no sys.path edits"
        assert not STAR_IMPORT.search(cell.source), "explicit imports only"


def test_imports_the_helper_module(notebook):
    assert any(HELPER_IMPORT.search(cell.source) for cell in code_cells(notebook))


def test_figures_are_png(notebook):
    """nbval compares SVG as text, which changes on every run; PNG is not compared."""
    formats = {mime for _, output in all_outputs(notebook) for mime in output.get("data", {})}
    images = {mime for mime in formats if mime.startswith("image/")}
    assert images <= {"image/png"}


def test_opens_with_a_title_and_its_own_binder_badge(notebook_path, notebook):
    cells = markdown_cells(notebook)
    assert cells, "no markdown cell"
    first = cells[0].source
    assert first.lstrip().startswith("# "), "the first markdown cell starts with a `# Title`"
    assert binder_link(notebook_path.name) in first


def test_has_its_own_colab_badge_after_the_binder_badge(notebook_path, notebook):
    first = markdown_cells(notebook)[0].source
    assert colab_link(notebook_path.name) in first, "Colab badge: see CONTRIBUTING.md"
    assert first.index(colab_link(notebook_path.name)) > first.index(
        binder_link(notebook_path.name)
    )


def test_first_code_cell_installs_the_helper_on_colab_only(notebook):
    """Skipped by nbval, a no-op elsewhere: two imports and the guarded install."""
    first = code_cells(notebook)[0]
    assert "nbval-skip" in first.metadata.get("tags", []), "tag the Colab cell nbval-skip"
    lines = [line for line in first.source.splitlines() if line.strip()]
    top_level = [line for line in lines if not line.startswith((" ", "#"))]
    assert top_level == ["import subprocess", "import sys", COLAB_GUARD], top_level
    assert [line.strip() for line in lines if line.startswith(" ")] == colab_install()
    assert not first.outputs, "prints nothing off Colab"


def test_binder_links_point_at_existing_notebooks(notebook):
    markdown = "\n".join(cell.source for cell in markdown_cells(notebook))
    assert_binder_links_are_valid(markdown)
    assert_colab_links_are_valid(markdown)


def test_relative_links_point_at_existing_files(notebook_path, notebook):
    markdown = "\n".join(cell.source for cell in markdown_cells(notebook))
    missing = [t for t in local_links(markdown) if not (notebook_path.parent / t).exists()]
    assert not missing


def test_readme_links_point_at_existing_notebooks():
    readme = (ROOT / "README.md").read_text()
    assert_binder_links_are_valid(readme)
    assert_colab_links_are_valid(readme)
    missing = [t for t in local_links(readme) if not (ROOT / t).exists()]
    assert not missing


def assert_binder_links_are_valid(markdown: str) -> None:
    """Every Binder link opens an existing notebook of this repository."""
    for link in BINDER_LINK.findall(markdown):
        name = link.rsplit("/", 1)[-1]
        assert link == binder_link(name), f"not this repository's badge form: {link}"
        assert (NOTEBOOK_DIR / name).exists(), f"Binder link to a missing notebook: {link}"


def assert_colab_links_are_valid(markdown: str) -> None:
    """Every Colab link opens an existing notebook of this repository."""
    for link in COLAB_LINK.findall(markdown):
        name = link.rsplit("/", 1)[-1]
        assert link == colab_link(name), f"not this repository's Colab form: {link}"
        assert (NOTEBOOK_DIR / name).exists(), f"Colab link to a missing notebook: {link}"


def tracked_files() -> list[str]:
    """The paths git tracks (skips outside a git checkout)."""
    require_or_skip(
        shutil.which("git") is not None and (ROOT / ".git").exists(), "not a git checkout"
    )
    return subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()


def test_no_junk_is_tracked_by_git():
    tracked = tracked_files()
    assert not [path for path in tracked if JUNK.search(path)]


def widget_cells(notebook):
    """The code cells that display an interactive_figure (not the imports cell)."""
    return [
        cell
        for cell in code_cells(notebook)
        if "interactive_figure(" in cell.source and not HELPER_IMPORT.search(cell.source)
    ]


def test_every_widget_output_carries_a_picture_and_its_settings(notebook):
    """Read without a kernel (GitHub, nbviewer, the website), a widget shows its first figure."""
    for cell in widget_cells(notebook):
        bundles = [output.get("data", {}) for output in cell.outputs]
        live = [data for data in bundles if "application/vnd.jupyter.widget-view+json" in data]
        assert len(live) == 1, f"one displayed widget per cell: {cell.source[:60]!r}"
        data = live[0]
        png = base64.b64decode(data.get("image/png", ""))
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), "no PNG beside the widget: make execute"
        first_line = "".join(data.get("text/plain", "")).splitlines()[0]
        assert " = " in first_line, f"the text names no setting: {first_line!r}"
        # Compared by nbval: the settings line and the result are part of the baseline.
        assert "nbval-ignore-output" not in cell.metadata.get("tags", [])


def test_no_file_points_outside_the_repository():
    """A clone, Binder and Colab have only this repository: nothing may need files beside it."""
    tracked = tracked_files()
    outside = re.compile(r"\.\./shared|\b(CURRICULUM|RECIPES|STYLE)\.md\b")
    pointing = [
        path
        for path in tracked
        if path.endswith((".py", ".md", ".ipynb", ".toml", ".cfg", ".yml", ".yaml", ".txt"))
        and (ROOT / path).is_file()
        and outside.search((ROOT / path).read_text(errors="replace"))
    ]
    assert not pointing


def test_the_exercises_link_their_worked_solutions_once(notebook_path, notebook):
    """One "Stuck?" line per lesson, pointing at that lesson's solutions notebook."""
    markdown = "\n".join(cell.source for cell in markdown_cells(notebook))
    links = re.findall(r"^Stuck\? The worked solutions: .*\]\(([^)]+)\)", markdown, re.MULTILINE)
    assert len(links) == 1, f"{len(links)} 'Stuck?' lines"
    assert links[0] == f"../solutions/{notebook_path.stem}_solutions.ipynb"
    assert (notebook_path.parent / links[0]).exists()
