"""The course website as a reader meets it: built, served and opened in Chromium.

Builds the site once (the same ``sphinx-build`` as ``make book``, into a scratch
folder), serves it from 127.0.0.1 and visits every page in headless Chromium,
one page after the other.  Nothing outside 127.0.0.1 is fetched: Playwright
aborts every other request, so MathJax (from a CDN) never loads and the check
of the math is that it is in the page in MathJax's input form.

On every lesson page: its title; every figure the notebook stores is shown, in
its cell, and decodes; the math is there; every link to the site answers and
every anchor exists; the Binder and Colab buttons open this notebook; previous
and next lead through the lessons in order.

Needs the book packages (requirements-book.txt), Chromium and playwright; skips
without them locally, fails under NN_REQUIRE_ALL=1 (CI).
"""

from __future__ import annotations

import functools
import html.parser
import http.server
import importlib.util
import json
import re
import runpy
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from _project import github_repository
from _requirements import require_or_skip
from browser_support import CHROMIUM, CHROMIUM_ARGS, screenshot

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("*.ipynb"))
BOOK_PACKAGES = ("sphinx", "myst_nb", "sphinx_book_theme")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
# The launch and status badges, loaded from their services by a reader online.
EXTERNAL_IMAGES = (
    "https://mybinder.org/badge_logo.svg",
    "https://colab.research.google.com/assets/colab-badge.svg",
    "https://github.com/",
)
MAIN = "article.bd-article"


def site_url() -> str:
    owner, name = github_repository().split("/")
    return f"https://{owner}.github.io/{name}/"


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def title(notebook: dict) -> str:
    """The text of the notebook's first ``# `` heading."""
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError("no '# ' title")


def stored_figures(notebook: dict) -> list[int]:
    """For each code cell, how many of its outputs the site shows as a picture: those
    with image/png (beside a widget view too, which a page without a kernel cannot show)."""
    return [
        sum("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
        for cell in notebook["cells"]
        if cell["cell_type"] == "code"
    ]


def has_math(notebook: dict) -> bool:
    return any(
        "$" in "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
    )


def test_readme_links_to_the_site():
    """The README says where the published site is (GitHub Pages of OWNER/REPO)."""
    assert site_url() in (ROOT / "README.md").read_text(), f"README.md: no link to {site_url()}"


# ---------------------------------------------------------------------------
# Build, serve, browse
# ---------------------------------------------------------------------------


def require_book_packages() -> None:
    missing = [name for name in BOOK_PACKAGES if importlib.util.find_spec(name) is None]
    require_or_skip(
        not missing,
        f"the book packages are not installed ({', '.join(missing)}): "
        "pip install -r requirements-book.txt (make venv-book)",
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory, report) -> Path:
    """The site built from the committed notebooks, as `make book` builds it."""
    require_book_packages()
    out = tmp_path_factory.mktemp("site") / "html"
    start = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
        + ["-d", str(out.parent / "doctrees"), "-c", "book", ".", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, f"the site does not build:\n{build.stdout}\n{build.stderr}"
    report(f"  site built in {time.perf_counter() - start:.1f} s")
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def server(site):
    """The built site on http://127.0.0.1:PORT/, served from a thread."""
    handler = functools.partial(QuietHandler, directory=str(site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
        httpd.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(server):
    require_or_skip(CHROMIUM.exists(), f"Chromium is not installed ({CHROMIUM})")
    require_or_skip(
        importlib.util.find_spec("playwright") is not None, "playwright is not installed"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page in its own browser context: requests off 127.0.0.1 are aborted and
    listed, JavaScript errors are collected."""

    def __init__(self, browser, server: str):
        self.server = server
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route(re.compile(r"^(?!" + re.escape(server) + ")"), self._block)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def open(self, path: str):
        response = self.page.goto(urllib.parse.urljoin(self.server, path))
        assert response is not None and response.status == 200, f"{path}: {response}"
        return self.page


@pytest.fixture
def visit(browser, server, request, report):
    """``visit(path)`` opens a page of the site: ``(Visit, page)``.  When the test
    fails, a screenshot of each page it opened is saved and its path printed."""
    opened: list[Visit] = []
    failed_before = request.session.testsfailed

    def open_page(path: str):
        visit = Visit(browser, server)
        opened.append(visit)
        return visit, visit.open(path)

    yield open_page
    for number, visit in enumerate(opened):
        if request.session.testsfailed > failed_before:
            report(f"  screenshot: {screenshot(visit.page, f'site-{request.node.name}-{number}')}")
        visit.context.close()


# ---------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------


class Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


@functools.lru_cache(maxsize=None)
def fetch(url: str) -> tuple[int, frozenset[str]]:
    """HTTP status of a page of the site and, for HTML, the ids it defines."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            status = response.status
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, frozenset()
    if kind != "text/html":
        return status, frozenset()
    parser = Ids()
    parser.feed(body.decode("utf-8", errors="replace"))
    return status, frozenset(parser.ids)


def broken_links(page, server: str) -> list[str]:
    """Every link on the page to the site itself that does not answer 200, or whose
    #anchor is not an id on the page it leads to."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    broken = []
    for href in sorted(set(hrefs)):
        if not href.startswith(server):
            continue
        url, _, anchor = href.partition("#")
        status, ids = fetch(url)
        if status != 200:
            broken.append(f"{href} → HTTP {status}")
        elif anchor and urllib.parse.unquote(anchor) not in ids:
            broken.append(f"{href} → no id {anchor!r}")
    return broken


# ---------------------------------------------------------------------------
# The pages
# ---------------------------------------------------------------------------

JS_IMAGES = """(main) => [...document.querySelectorAll(main + ' img')].map(img => ({
    src: img.currentSrc || img.src,
    decoded: img.complete && img.naturalWidth > 0,
}))"""

JS_CELL_FIGURES = """(main) => [...document.querySelectorAll(main + ' div.cell')].map(cell =>
    [...cell.querySelectorAll('.cell_output img')].filter(
        img => img.complete && img.naturalWidth > 0).length)"""

JS_TEXT_OUTSIDE_MATH = """(main) => {
    const article = document.querySelector(main).cloneNode(true);
    article.querySelectorAll('.math, pre, code, script').forEach(el => el.remove());
    return article.textContent;
}"""


def check_images(page, server: str) -> list[str]:
    """Images of the site decode; the only others are the known badges."""
    problems = []
    for image in page.evaluate(JS_IMAGES, MAIN):
        if image["src"].startswith(server):
            if not image["decoded"]:
                problems.append(f"does not decode: {image['src']}")
        elif not image["src"].startswith(EXTERNAL_IMAGES):
            problems.append(f"image from elsewhere: {image['src']}")
    return problems


def test_widget_views_are_not_rendered():
    """A widget view needs a kernel: the site shows the output's picture instead."""
    require_book_packages()
    from myst_nb.core.render import get_mime_priority

    config = runpy.run_path(str(ROOT / "book" / "conf.py"))
    priority = get_mime_priority("html", config["nb_mime_priority_overrides"])
    assert WIDGET_VIEW not in priority
    assert priority.index("image/png") < priority.index("text/plain")


def test_home_page_is_the_readme_with_every_lesson_in_order(visit, server):
    readme = (ROOT / "README.md").read_text()
    heading = re.search(r"^# (.+)$", readme, re.MULTILINE)[1].strip()
    visited, page = visit("")
    assert page.locator(f"{MAIN} h1").first.inner_text().strip().rstrip("#").strip() == heading
    assert heading in page.title()
    assert page.locator(f"{MAIN} #lessons").count() == 1, "no 'Lessons' section"
    # The same page under its own name: the site's address and README.html agree.
    assert fetch(server)[1] == fetch(server + "README.html")[1]
    nav = page.eval_on_selector_all(
        "nav.bd-docs-nav a.reference.internal",
        "links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])",
    )
    expected = [[title(read_notebook(path)), f"notebooks/{path.stem}.html"] for path in NOTEBOOKS]
    expected += [[title(read_notebook(path)), f"solutions/{path.stem}.html"] for path in SOLUTIONS]
    assert nav == expected, "the navigation does not list the lessons, then the solutions, in order"
    lesson_links = {
        href
        for href in page.eval_on_selector_all(f"{MAIN} a[href]", "a => a.map(x => x.href)")
        if href.startswith(server + "notebooks/")
    }
    assert lesson_links == {f"{server}notebooks/{path.stem}.html" for path in NOTEBOOKS}
    images = check_images(page, server)
    assert not images, images
    broken = broken_links(page, server)
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert not visited.errors, visited.errors


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_lesson_page_reads_without_a_kernel(path, visit, server):
    notebook = read_notebook(path)
    index = NOTEBOOKS.index(path)
    visited, page = visit(f"notebooks/{path.stem}.html")

    # The lesson's title, as the notebook writes it.
    h1 = page.locator(f"{MAIN} h1").first.inner_text()
    assert h1.strip().rstrip("#").strip() == title(notebook)

    # Figures: each code cell shows, decoded, the pictures the notebook stores for it.
    shown = page.evaluate(JS_CELL_FIGURES, MAIN)
    stored = stored_figures(notebook)
    assert shown == stored, f"figures per code cell: page {shown}, notebook {stored}"
    assert sum(shown) >= 1, "a lesson page without a figure"
    images = check_images(page, server)
    assert not images, images
    assert page.locator(f"script[type='{WIDGET_VIEW}']").count() == 0

    # Math: in MathJax's input form (MathJax itself comes from a CDN, blocked here),
    # and no stray $ left in the text.
    if has_math(notebook):
        math = page.locator(f"{MAIN} .math")
        assert math.count() > 0, "no math on the page"
        assert re.match(r"^\\[(\[]", math.first.inner_text().strip())
        assert page.locator("script[src*='mathjax']").count() == 1
        assert "$" not in page.evaluate(JS_TEXT_OUTSIDE_MATH, MAIN)

    # Launch buttons open this notebook, on the repository's main branch.
    repository = github_repository()
    notebook_path = f"notebooks/{path.name}"
    launch = page.eval_on_selector_all(
        ".dropdown-launch-buttons a", "a => a.map(x => x.getAttribute('href'))"
    )
    assert (
        f"https://mybinder.org/v2/gh/{repository}/main?urlpath=lab/tree/{notebook_path}" in launch
    ), launch
    assert (
        f"https://colab.research.google.com/github/{repository}/blob/main/{notebook_path}" in launch
    ), launch

    # Previous and next follow the lessons, starting from the home page.
    previous = page.locator("a.left-prev").get_attribute("href")
    assert previous == (f"{NOTEBOOKS[index - 1].stem}.html" if index else "../README.html")
    following = page.locator("a.right-next")
    if index + 1 < len(NOTEBOOKS):
        assert following.get_attribute("href") == f"{NOTEBOOKS[index + 1].stem}.html"

    broken = broken_links(page, server)
    assert not broken, "broken links:\n" + "\n".join(broken)
    assert not visited.errors, f"JavaScript errors: {visited.errors}"
    # Only MathJax (and the badges) may be asked for from elsewhere.
    unexpected = [
        url
        for url in visited.blocked
        if not url.startswith(EXTERNAL_IMAGES) and "mathjax" not in url.lower()
    ]
    assert not unexpected, f"requests off the site: {unexpected}"


def test_pages_workflow_publishes_what_make_book_builds():
    """The Pages workflow runs `make book` and uploads its output folder."""
    require_or_skip(importlib.util.find_spec("yaml") is not None, "PyYAML is not installed")
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = {step.get("uses", step.get("run", "")).split("@")[0]: step for step in build["steps"]}
    assert "make book" in steps
    book_dir = re.search(r"^BOOK_DIR := (\S+)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == f"{book_dir[1]}/html"
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["steps"])
