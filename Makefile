# The README's two commands: `make run` and `make test`. Both work on a fresh
# clone with only Python 3.11+ installed (no PostgreSQL, no Redis needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What `make run` needs (the portal and honcho) and, besides, what the tests
# and tools need (the dev extra): a newcomer's first `make run` installs only
# the former.
RUN_INSTALLED := $(VENV)/.installed-run
INSTALLED := $(VENV)/.installed
# The venv's own pip is recent enough for an editable install: not upgrading
# it saves a download; its version check and bytecode for every installed
# package (Python compiles what it imports) are skipped for the same reason.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-input --no-compile
PORT ?= 8000

# The languages the interface is translated into, besides English (the source).
LOCALES ?= es fr pt
MESSAGES_IGNORE := --ignore=.venv --ignore=var --ignore=static --ignore=tests --ignore=node_modules

.PHONY: run test lint format messages compile-messages clean

$(BIN)/python:
	@echo "== Creating the virtual environment $(VENV)/"
	$(PYTHON) -m venv $(VENV)

$(RUN_INSTALLED): pyproject.toml | $(BIN)/python
	@echo "== Installing the portal's packages into $(VENV)/ (the first time only: about a minute, quietly)"
	$(PIP_INSTALL) -e ".[run]"
	touch $(RUN_INSTALLED)

$(INSTALLED): pyproject.toml | $(BIN)/python
	@echo "== Installing the portal and its development tools into $(VENV)/ (the first time only: about two minutes, quietly)"
	$(PIP_INSTALL) -e ".[dev]"
	touch $(INSTALLED) $(RUN_INSTALLED)

# Web server, Celery worker and Celery beat in one terminal; Ctrl-C stops all three.
run: $(RUN_INSTALLED) compile-messages
	@echo "== Preparing the SQLite database under var/ and loading the demo data"
	DEBUG=true $(BIN)/python manage.py migrate --no-input -v 0
	DEBUG=true $(BIN)/python manage.py load_demo
	@echo "== Starting the web server, a Celery worker and Celery beat (Ctrl-C stops them)"
	@echo "RIAL portal: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=true PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

# The whole test suite, on whatever DATABASE_URL and REDIS_URL say (SQLite and
# no Redis by default; .ci/run points them at PostgreSQL and Redis).
test: $(INSTALLED) compile-messages
	$(BIN)/pytest

# Refresh the catalogues (each app's locale/ and the project's) from the marked
# strings; then translate what is new in the .po files. CI runs it before the
# tests, so a string marked but not translated fails the catalogue test.
messages: $(RUN_INSTALLED)
	DEBUG=true $(BIN)/python manage.py makemessages $(foreach l,$(LOCALES),-l $(l)) $(MESSAGES_IGNORE) \
		--no-obsolete --add-location=file -v 0

# The compiled catalogues (.mo) are built, never committed. Only .po files that
# changed are compiled again. Without GNU gettext's msgfmt the portal runs in
# English.
compile-messages: $(RUN_INSTALLED)
	@if command -v msgfmt >/dev/null; then \
		DEBUG=true $(BIN)/python manage.py compilemessages $(MESSAGES_IGNORE) -v 0; \
	else \
		echo "msgfmt not found (Debian: apt-get install gettext): pages will be in English only"; \
	fi

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var
