# Neural Networks by Hand: everything runs from a local virtualenv in .venv.
#
#   make lab       open JupyterLab on the first lesson
#   make test      unit tests + every notebook (lessons, solutions) under nbval (strict)
#   make execute   re-run every notebook in a fresh kernel and store its outputs
#   make lint      ruff check + ruff format --check
#   make bench     time the widgets' computations
#   make book      build the course website from the stored outputs (_build/html)
#   make test-stack   the same tests in another venv: another Python or requirements file
#   make test-colab   the same tests on a Colab-like stack (Python 3.12, requirements-colab.txt)
#   make clean     remove the venv and caches
#
# Extra arguments: make test PYTEST_ARGS="-x -k forward", make lab LAB_ARGS=--no-browser,
# make bench BENCH_ARGS=...

PYTHON ?= python3
VENV ?= .venv
PYTEST_ARGS ?=
BENCH_ARGS ?=
# What `make venv-test` / `make test` install into $(VENV) (besides the project itself).
TEST_REQUIREMENTS ?= requirements-test.txt
# Extra JupyterLab arguments, e.g. make lab LAB_ARGS=--no-browser
LAB_ARGS ?=
# JupyterLab refuses to start as root without this (containers, CI machines).
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root)
NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# The worked solutions of every lesson's exercises, run and stored like the lessons.
SOLUTIONS := $(sort $(wildcard solutions/*.ipynb))

VPY := $(VENV)/bin/python
PIP := $(VPY) -m pip
# Stamps: an install reruns whenever one of its requirement files changes.
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
BOOK_STAMP := $(VENV)/.installed-book
# The website's build folder (make book); removed before each build, so every
# warning is seen again (an incremental build stays quiet about unchanged pages).
BOOK_DIR := _build

.PHONY: lab test execute lint bench clean venv venv-test book venv-book test-stack test-colab

lab: $(RUNTIME_STAMP)
	$(VENV)/bin/jupyter lab $(ROOT_ARGS) $(LAB_ARGS) notebooks/01_forward_pass.ipynb

test: $(TEST_STAMP)
	$(VPY) -m pytest --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks solutions $(PYTEST_ARGS)

execute: $(TEST_STAMP)
	@test -n "$(NOTEBOOKS)" || { echo "no notebooks/*.ipynb to execute" >&2; exit 1; }
	$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace $(NOTEBOOKS) $(SOLUTIONS)
	$(VENV)/bin/nbstripout --keep-output --keep-count $(NOTEBOOKS) $(SOLUTIONS)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: $(RUNTIME_STAMP)
	$(VPY) benchmarks/bench_widgets.py $(BENCH_ARGS)

venv: $(RUNTIME_STAMP)
venv-test: $(TEST_STAMP)
venv-book: $(BOOK_STAMP)

# Warnings are errors: a broken link, anchor or figure fails the build.
# tests/test_site.py builds with the same arguments.
book: $(BOOK_STAMP)
	rm -rf $(BOOK_DIR)
	$(VPY) -m sphinx -W --keep-going -q -b html -d $(BOOK_DIR)/doctrees -c book . $(BOOK_DIR)/html
	@echo "site: $(BOOK_DIR)/html/index.html"

$(VPY):
	$(PYTHON) -m venv $(VENV)

# Order-only dependency on the interpreter: a reinstall never recreates the
# venv; deleting .venv (make clean) redoes everything.
$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(VPY)
	$(PIP) install --quiet -r requirements.txt -e .
	touch $@

$(TEST_STAMP): requirements.txt requirements-test.txt $(TEST_REQUIREMENTS) pyproject.toml | $(VPY)
	$(PIP) install --quiet -r $(TEST_REQUIREMENTS) -e .
	touch $@ $(RUNTIME_STAMP)

$(BOOK_STAMP): requirements-book.txt requirements.txt | $(VPY)
	$(PIP) install --quiet -r requirements-book.txt
	touch $@

# Other stacks, each in its own venv (.venv-*), with the same pytest command as `make test`:
#   make test-stack STACK_PYTHON=python3.13                     the pinned suite on Python 3.13
#   make test-stack STACK_REQUIREMENTS=my-requirements.txt      any other requirements file
STACK_PYTHON ?= python3.13
STACK_REQUIREMENTS ?= requirements-test.txt
STACK_VENV ?= .venv-$(notdir $(STACK_PYTHON))
test-stack:
	$(MAKE) test VENV=$(STACK_VENV) PYTHON=$(STACK_PYTHON) TEST_REQUIREMENTS=$(STACK_REQUIREMENTS) \
		PYTEST_ARGS="--ignore=tests/test_site.py $(PYTEST_ARGS)"

# A Colab-like stack: Colab's Python, numpy, matplotlib, ipywidgets 7 and ipykernel
# (requirements-colab.txt). The browser test is left out: Colab shows notebooks in its
# own frontend, not JupyterLab. So is test_binder.py: Binder's build plan does not
# depend on the stack it is tested from (`make test` checks it), nor does the website
# (test_site.py: `make test` builds and checks it from the stored outputs).
COLAB_PYTHON ?= python3.12
test-colab:
	$(MAKE) test VENV=.venv-colab PYTHON=$(COLAB_PYTHON) TEST_REQUIREMENTS=requirements-colab.txt \
		PYTEST_ARGS="--ignore=tests/test_browser.py --ignore=tests/test_binder.py \
		--ignore=tests/test_site.py $(PYTEST_ARGS)"

clean:
	rm -rf $(VENV) .venv-* .pytest_cache .ruff_cache .browser-scratch build dist *.egg-info $(BOOK_DIR)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find . -name .ipynb_checkpoints -type d -prune -exec rm -rf {} +
