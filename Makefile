# The two commands a newcomer needs: `make run` and `make test`.
PRESET ?= release
JOBS ?= $(shell nproc)
BIN := build/$(PRESET)/app/capdev
DB ?= data/capdev.db
PORT ?= 8080
# make test builds with warnings as errors (CAPDEV_WERROR); `make test WERROR=OFF` does not.
WERROR ?= ON
# The TSan run builds only what the threaded tests need (their names: the tsan
# test preset's filter in CMakePresets.json).
TSAN_TARGETS ?= capdev capdev_concurrency_tests

.NOTPARALLEL:
.PHONY: deps build run test test-tools test-release test-tidy test-asan test-tsan tidy bench format clean

deps:
	@bash scripts/deps.sh

# Release only; keeps the CAPDEV_WERROR that build/$(PRESET) was configured with.
build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET) -j$(JOBS)

run: build
	@mkdir -p $(dir $(DB))
	$(BIN) migrate --db $(DB)
	$(BIN) seed --db $(DB)
	$(BIN) user bootstrap --db $(DB) --url http://127.0.0.1:$(PORT)/
	$(BIN) serve --db $(DB) --port $(PORT) --host 127.0.0.1

# Pinned npm packages the tests check capdev's output with (tests/js: ical.js, the
# OpenAPI validator, ajv, axe-core). Reinstalled only when package.json or the
# lock file changed since the last `npm ci`.
test-tools: deps
	@cd tests/js && hash=$$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1) && \
	  if [ "$$(cat node_modules/.capdev-lock-hash 2>/dev/null)" != "$$hash" ]; then \
	    npm ci --silent --no-audit --no-fund && echo "$$hash" > node_modules/.capdev-lock-hash; \
	  fi

# What CI runs (.ci/run): the whole suite in Release, clang-tidy over app/,
# domain/ and storage/ (any finding fails; it reads the release build's
# compile_commands.json), the suite again under ASan+UBSan (but for its
# PostgreSQL reruns, pg.*), and the tests that exercise threads under TSan;
# warnings are errors throughout. A throwaway PostgreSQL cluster runs beside
# each suite (tests/tools/with_postgres.sh).
test: deps test-tools
	@start=$$(date +%s); \
	  WERROR=$(WERROR) JOBS=$(JOBS) bash tests/tools/run_suite.sh release && \
	  bash tests/tools/tidy.sh --check $(JOBS) && \
	  WERROR=$(WERROR) JOBS=$(JOBS) bash tests/tools/run_suite.sh asan -LE postgres && \
	  WERROR=$(WERROR) JOBS=$(JOBS) TARGETS="$(TSAN_TARGETS)" bash tests/tools/run_suite.sh tsan && \
	  echo "== make test: all passed in $$(( $$(date +%s) - start )) s"

test-release: deps test-tools
	@WERROR=$(WERROR) JOBS=$(JOBS) bash tests/tools/run_suite.sh release
test-tidy: deps
	@cmake --preset release >/dev/null
	@bash tests/tools/tidy.sh --check $(JOBS)
test-asan: deps test-tools
	@WERROR=$(WERROR) JOBS=$(JOBS) bash tests/tools/run_suite.sh asan -LE postgres
test-tsan: deps test-tools
	@WERROR=$(WERROR) JOBS=$(JOBS) TARGETS="$(TSAN_TARGETS)" bash tests/tools/run_suite.sh tsan

# clang-tidy (.clang-tidy) over the project's sources, with the release build's
# compile_commands.json; findings in headers under app/, domain/, storage/ too.
# For information: tests/ and bench/ included, findings never fail it (make test
# and make test-tidy check app/, domain/, storage/ and fail on any finding).
# TIDY_OUT=FILE also saves the findings there.
TIDY_OUT ?=
tidy:
	@bash scripts/deps.sh --dev
	@cmake --preset release >/dev/null
	@bash tests/tools/tidy.sh $(JOBS) $(TIDY_OUT)

# Every benchmark of bench/README.md ("make bench") against its reference in the
# same run (nginx, raw SQLite and raw libpq, the sqlite3 CLI and psql), on
# SQLite and PostgreSQL and at ten times the size: bench/run.sh prints a table of
# ratios with the goals and appends it to bench/results/latest.md. Generates
# bench/results/bench.db once. CAPDEV_BIN=path benchmarks another server binary.
bench: deps
	@bash scripts/deps.sh --bench
	@cmake --preset $(PRESET) -DCAPDEV_BUILD_BENCH=ON >/dev/null
	@cmake --build --preset $(PRESET) -j$(JOBS)
	@PRESET=$(PRESET) bash bench/run.sh

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
