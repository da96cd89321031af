"""Sphinx configuration of the course website (`make book`).

The site is built from the committed notebooks and their stored outputs; nothing
is executed. The source folder is the repository root and this folder holds only
the configuration (``sphinx-build -c book . _build/html``), so every link keeps
the form that works on GitHub: the README links ``notebooks/01_forward_pass.ipynb``,
the notebooks link ``02_backprop_by_hand.ipynb`` and ``../README.md#lessons``.

- The README is the home page (``README.html``, copied to ``index.html``); the
  lessons' toctree is added to it here, at build time, so the README itself
  stays plain Markdown.
- A link to a file of the repository that is not a page of the site (a
  ``Makefile``, ``CONTRIBUTING.md``, a folder) points at that file on GitHub.
- Widget outputs are shown by their stored picture: a widget view needs a
  running kernel, so it is never rendered.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

ROOT = Path(__file__).resolve().parent.parent


def github_repository() -> str:
    """OWNER/REPO, from the one place it is set: [project.urls] in pyproject.toml."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(
        r'^Repository\s*=\s*"https://github\.com/([^/"]+/[^/"]+)"', text, re.MULTILINE
    )
    if not match:
        raise ValueError('pyproject.toml: [project.urls] Repository = "https://github.com/O/R"')
    return match[1]


REPOSITORY = github_repository()
REPOSITORY_URL = f"https://github.com/{REPOSITORY}"
BRANCH = "main"
OWNER, NAME = REPOSITORY.split("/")
SITE_URL = f"https://{OWNER}.github.io/{NAME}/"

# -- Project -------------------------------------------------------------------

project = "Neural Networks by Hand"
root_doc = "README"
# Only the README, the lessons and their worked solutions are pages; the rest is not.
include_patterns = ["README.md", "notebooks/*.ipynb", "solutions/*.ipynb"]
exclude_patterns = [".*", "_build", "build", "dist", "**/.ipynb_checkpoints"]

extensions = ["myst_nb", "sphinx.ext.githubpages"]

# -- MyST / notebooks ----------------------------------------------------------

nb_execution_mode = "off"  # stored outputs only
myst_enable_extensions = ["dollarmath", "amsmath"]
# GitHub-style anchors for headings, so ../README.md#lessons resolves.
myst_heading_anchors = 3
# The widget view (a JavaScript model without a kernel behind it) is left out; the
# output bundle's image/png (or text/plain) is shown instead.
nb_mime_priority_overrides = [("*", "application/vnd.jupyter.widget-view+json", None)]

# -- HTML ----------------------------------------------------------------------

html_theme = "sphinx_book_theme"
html_title = project
html_baseurl = SITE_URL
html_show_copyright = False
html_show_sphinx = False
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": BRANCH,
    "path_to_docs": "",  # the source folder is the repository root
    "use_repository_button": True,
    "launch_buttons": {
        "binderhub_url": "https://mybinder.org",
        "colab_url": "https://colab.research.google.com",
        "notebook_interface": "jupyterlab",
    },
}

LESSONS_TOCTREE = """

```{toctree}
:hidden:
:caption: Lessons
:glob:

notebooks/*
```

```{toctree}
:hidden:
:caption: Worked solutions
:glob:

solutions/*
```
"""


def add_lessons_toctree(app, docname: str, source: list[str]) -> None:
    """The README, as the root page, lists every lesson in reading order (file name), then
    the lessons' worked solutions."""
    if docname == root_doc:
        source[0] += LESSONS_TOCTREE


class RepositoryFileLinks(SphinxTransform):
    """A link to a repository file that is not a page opens it on GitHub.

    MyST turns a link to an existing file that is not a source document into a
    download, takes a Markdown file outside ``include_patterns`` for a missing
    page, and leaves a link to a folder unresolved.  All of them become links
    to the file or folder at ``BRANCH`` in the repository.
    """

    default_priority = 500

    def apply(self, **kwargs) -> None:
        srcdir = Path(self.env.srcdir)
        here = Path(self.env.doc2path(self.env.docname)).parent
        for node in list(self.document.findall(addnodes.download_reference)):
            self._replace(node, srcdir, here / node["reftarget"], "blob", None)
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            if node.get("refdomain") == "doc" and node["reftarget"] not in self.env.found_docs:
                # A Markdown file that is not a page (CONTRIBUTING.md): MyST took it for one.
                for suffix in self.config.source_suffix:
                    path = srcdir / (node["reftarget"] + suffix)
                    if path.is_file():
                        self._replace(node, srcdir, path, "blob", node.get("reftargetid"))
                        break
            elif node.get("refdomain") is None:
                target, _, anchor = node["reftarget"].partition("#")
                if target and (here / target).is_dir():
                    self._replace(node, srcdir, here / target, "tree", anchor)

    def _replace(self, node, srcdir: Path, path: Path, kind: str, anchor: str | None) -> None:
        path = Path(os.path.normpath(path))
        try:
            relative = path.relative_to(srcdir).as_posix()
        except ValueError:
            return  # outside the repository: leave it to Sphinx's own warning
        uri = f"{REPOSITORY_URL}/{kind}/{BRANCH}/{relative}" + (f"#{anchor}" if anchor else "")
        link = nodes.reference("", "", *node.children, refuri=uri, internal=False)
        link["classes"] = ["external"]
        node.replace_self(link)


def copy_home_page(app, exception) -> None:
    """GitHub Pages serves index.html at the site's address: the README's page."""
    if exception is None and app.builder.format == "html":
        out = Path(app.outdir)
        shutil.copyfile(out / f"{root_doc}.html", out / "index.html")


def setup(app):
    app.connect("source-read", add_lessons_toctree)
    app.add_transform(RepositoryFileLinks)
    app.connect("build-finished", copy_home_page)
    return {"parallel_read_safe": True}
