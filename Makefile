# The README's two commands: `make run` and `make test`. Both work on a fresh
# clone with only Python 3.11+ installed (no PostgreSQL, no Redis needed).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8000

# The languages the interface is translated into, besides English (the source).
# Portuguese and French: add them here and to LANGUAGES in the settings.
LOCALES ?= es
MESSAGES_IGNORE := --ignore=.venv --ignore=var --ignore=static --ignore=tests --ignore=node_modules

.PHONY: run test lint format messages compile-messages clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(INSTALLED)

# Web server, Celery worker and Celery beat in one terminal; Ctrl-C stops all three.
run: $(INSTALLED) compile-messages
	DEBUG=true $(BIN)/python manage.py migrate --no-input
	DEBUG=true $(BIN)/python manage.py load_demo
	@echo "RIAL portal: http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=true PORT=$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start -f Procfile

# The whole test suite, on whatever DATABASE_URL and REDIS_URL say (SQLite and
# no Redis by default; .ci/run points them at PostgreSQL and Redis).
test: $(INSTALLED) compile-messages
	$(BIN)/pytest

# Refresh the catalogues (each app's locale/ and the project's) from the marked
# strings; then translate what is new in the .po files. CI runs it before the
# tests, so a string marked but not translated fails the catalogue test.
messages: $(INSTALLED)
	DEBUG=true $(BIN)/python manage.py makemessages $(foreach l,$(LOCALES),-l $(l)) $(MESSAGES_IGNORE) \
		--no-obsolete --add-location=file -v 0

# The compiled catalogues (.mo) are built, never committed. Only .po files that
# changed are compiled again. Without GNU gettext's msgfmt the portal runs in
# English.
compile-messages: $(INSTALLED)
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
