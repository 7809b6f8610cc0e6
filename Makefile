# Two commands for a fresh clone: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: serve test bench build validate screenshots clean messages

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

## serve: set up .venv, validate the sample data and serve the site at http://127.0.0.1:8000/
serve: $(INSTALLED)
	$(BIN)/rysiai validate
	$(BIN)/rysiai serve --dev-addr 127.0.0.1:8000

## test: set up .venv and run the whole test suite
test: $(INSTALLED)
	$(BIN)/python -m pytest

## build: build the site into site/
build: $(INSTALLED)
	$(BIN)/rysiai build

## validate: check the records of this repository
validate: $(INSTALLED)
	$(BIN)/rysiai validate

## screenshots: the staff guide's pictures (docs/images/guide/), made in Chromium from the sample
## site as the browser tests see it
screenshots: $(INSTALLED)
	RYSIAI_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_views_browser.py -q -k guides_pictures

## bench: time validation (2k, 20k, 50k records; one CSV of 50k, 100k, 200k rows; 20k rows
## referring to one missing id), the site build (2k, 10k, 20k), the first search on a 20k-record
## site (Pagefind beside mkdocs-material's own), the editor (save → commit at 2k and 20k, a
## form's first paint with a picker over 14k contacts), on synthetic data, `rysiai mv` of a
## record referred to by 3,000 files and a 60,000-row CSV (safe writes' cost), the partner map
## and the report's charts, the reports' share of a build (sample data and 20k), and fast
## feedback (an edit on `rysiai serve` at 2k and 20k, a cached rebuild at 10k)
bench: $(INSTALLED)
	$(BIN)/python bench/bench_validate.py
	$(BIN)/python bench/bench_csv.py
	$(BIN)/python bench/bench_site.py
	$(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_search.py --key-delay 150 --no-baseline
	$(BIN)/python bench/bench_editor.py
	$(BIN)/python bench/bench_mv.py
	$(BIN)/python bench/bench_report_figures.py
	$(BIN)/python bench/bench_report_share.py
	$(BIN)/python bench/bench_incremental.py

clean:
	rm -rf $(VENV) site bench/out

## messages: gather the messages to translate from the code into the Lithuanian catalogue
## (scripts/rysiai/locale/lt/LC_MESSAGES/rysiai.po); then translate the new ones there
messages: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-wrap --sort-by-file --add-location=file --project Ryšiai -o scripts/rysiai/locale/rysiai.pot .
	$(BIN)/pybabel update -i scripts/rysiai/locale/rysiai.pot -d scripts/rysiai/locale -D rysiai -l lt --no-wrap --ignore-obsolete
