# The two commands a newcomer needs: `make run` and `make test`.
PRESET ?= release
BIN := build/$(PRESET)/app/capdev
DB ?= data/capdev.db
PORT ?= 8080

.PHONY: deps build run test test-tools bench format clean

deps:
	@bash scripts/deps.sh

build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET)

run: build
	@mkdir -p $(dir $(DB))
	$(BIN) migrate --db $(DB)
	$(BIN) seed --db $(DB)
	$(BIN) user bootstrap --db $(DB)
	$(BIN) serve --db $(DB) --port $(PORT) --host 127.0.0.1

# Third-party parsers (ical.js) the tests check capdev's output with.
test-tools:
	@test -d tests/js/node_modules || (cd tests/js && npm ci --silent --no-audit --no-fund)

test: build test-tools
	ctest --preset $(PRESET) -j2

# Generates a large database once (bench/results/bench.db), then times each report.
bench: deps
	@cmake --preset $(PRESET) -DCAPDEV_BUILD_BENCH=ON >/dev/null
	@cmake --build --preset $(PRESET)
	@mkdir -p bench/results
	@test -f bench/results/bench.db || build/$(PRESET)/bench/capdev_generate_data bench/results/bench.db
	build/$(PRESET)/bench/capdev_report_bench bench/results/bench.db --runs 5

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
