# Two entry points, both working from a fresh clone with only python3:
#   make demo   set up .venv and run the main job on the bundled fixtures
#   make test   set up .venv with the test extras, lint, type-check and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := build/demo
REALDATA := build/realdata

.PHONY: demo test lint typecheck pytest generate bench realdata chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[all]'
	touch $@

demo: $(STAMP)
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "== the published article schema (first lines)"
	@$(BIN)/corpuskit schema article | head -n 8
	@echo "== reading back the example records in fixtures/valid/"
	@$(BIN)/python -m corpuskit._demo fixtures/valid
	@echo "== convert: the five seed scrapes, with their sidecar, into $(DEMO)/seeds.jsonl.zst"
	@SOURCE_DATE_EPOCH=1767225600 $(BIN)/corpuskit convert fixtures/seeds --sidecar fixtures/seeds/sidecar.csv -o $(DEMO)/seeds.jsonl.zst
	@$(BIN)/python -m corpuskit._demo $(DEMO)
	@echo "== validate: the converted seeds (rule codes, located; exit 1 if anything is reported)"
	@$(BIN)/corpuskit validate $(DEMO)/seeds.jsonl.zst --now 2026-11-22
	@echo "== convert: a WARC capture of four real news pages (fixtures/warc), with a WARC of conversion records"
	@SOURCE_DATE_EPOCH=1767225600 $(BIN)/corpuskit convert fixtures/warc/news.warc.gz -o $(DEMO)/news.jsonl --warc-out $(DEMO)/news-converted.warc.gz
	@$(BIN)/python -m corpuskit._demo $(DEMO)/news.jsonl
	@echo "== validate: the capture's records (one page's own metadata says it was updated before it was published)"
	@$(BIN)/corpuskit validate $(DEMO)/news.jsonl --now 2026-11-22 --exit-zero
	@echo "== convert: the seeds into a WARC (sources as resource records, records as conversion records), and back"
	@SOURCE_DATE_EPOCH=1767225600 $(BIN)/corpuskit convert fixtures/seeds --sidecar fixtures/seeds/sidecar.csv -o $(DEMO)/seeds-again.jsonl --warc-out $(DEMO)/seeds.warc.gz -q
	@SOURCE_DATE_EPOCH=1767225600 $(BIN)/corpuskit convert $(DEMO)/seeds.warc.gz -o $(DEMO)/seeds-from-warc.jsonl
	@cmp $(DEMO)/seeds-again.jsonl $(DEMO)/seeds-from-warc.jsonl && echo "records -> WARC -> records: identical"
	@echo "== pack: the seeds and the capture into a BagIt package, then validate it (bag, manifest, sources, records)"
	@SOURCE_DATE_EPOCH=1767225600 $(BIN)/corpuskit pack fixtures/seeds fixtures/warc --sidecar fixtures/seeds/sidecar.csv -o $(DEMO)/bag --name demo-corpus --title "One story, five outlets, and four captured pages" --license CC-BY-4.0
	@$(BIN)/corpuskit validate $(DEMO)/bag --now 2026-11-22 --ignore R002 --reproduce && echo "package valid (bag checksums, manifest, sources, records, re-conversion)"
	@echo "== export and stats"
	@$(BIN)/corpuskit export $(DEMO)/bag --to parquet -o $(DEMO)/corpus.parquet
	@$(BIN)/corpuskit export $(DEMO)/bag --to jsonld -o $(DEMO)/corpus.jsonld
	@$(BIN)/corpuskit stats $(DEMO)/bag
	@$(BIN)/corpuskit report $(DEMO)/bag -o $(DEMO)/report.html --now 2026-11-22
	@echo "== validate: a broken fixture, to show a report"
	@$(BIN)/corpuskit validate fixtures/invalid/R002 fixtures/invalid/S001 --now 2026-11-22 --exit-zero

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check corpuskit tests benchmarks
	$(BIN)/ruff format --check corpuskit tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

# Real pages and WARCs from PyPI sdists (see benchmarks/realdata.py); tests read them, never the network.
$(REALDATA)/.fetched: benchmarks/realdata.py | $(BIN)/python
	$(BIN)/python benchmarks/realdata.py $(REALDATA)
	touch $@

realdata: $(REALDATA)/.fetched

# Headless Chromium (Debian's package) renders the HTML report in the tests.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

pytest: $(STAMP) $(REALDATA)/.fetched chromium
	CORPUSKIT_REALDATA=$(REALDATA) HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest

generate: $(STAMP)
	$(BIN)/python -m corpuskit._generate

bench: $(STAMP) $(REALDATA)/.fetched
	$(BIN)/python benchmarks/devset.py
	$(BIN)/python benchmarks/convert_speed.py
	$(BIN)/python benchmarks/html_speed.py
	$(BIN)/python benchmarks/validate_speed.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .hypothesis
