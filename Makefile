# The archive's commands. `make run` sets up and serves the demo; `make test` runs every test;
# `make serve` serves production (scripts/serve; README.md, "Running in production").
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run serve install install-dev migrate demo reset-demo test lint check benchmark clean \
	load-test replica-demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

# Test tools from npm too (the Nu Html Checker; no build). Its postinstall would download a Java
# runtime: skipped, the machine's Java 17 runs it.
install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

migrate:
	$(BIN)/python manage.py migrate --noinput

# Loads only the demo records that are missing: curators' edits to demo records are kept.
demo:
	$(BIN)/python manage.py load_demo

# On purpose only: puts the demo's own values back over curators' edits.
reset-demo:
	$(BIN)/python manage.py reset_demo

# Install, migrate SQLite in the checkout, load the demo, make sure an admin exists, serve.
run: install migrate demo
	$(BIN)/python manage.py ensure_admin --url http://$(HOST)/admin/
	$(BIN)/python manage.py runserver $(HOST)

# Production: check the settings, collect static files, migrate if MIGRATE=1, run gunicorn.
serve: install
	./scripts/serve

# Install the test dependencies (and Chromium if missing), then run the whole suite.
test: install-dev
	@command -v chromium >/dev/null 2>&1 || ./scripts/install-chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

# Several servers, a streaming replica and Redis, shown working; load with a database restart
# measured (docs/production.md, docs/benchmarks.md). Private clusters in a temporary directory.
replica-demo: install-dev
	./scripts/replica-demo

load-test: install-dev
	./scripts/load-test $(LOAD_TEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles
