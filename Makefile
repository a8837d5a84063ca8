# ANTQ — the two commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
BUILD_DIR ?= build
DB ?= data/antq.db
LISTEN ?= 127.0.0.1:8080
# The public address printed on the units' QR posters (public_url; never taken from a request):
# here the address `make run` serves. Set it to the real one behind a proxy.
ANTQ_PUBLIC_URL ?= http://$(LISTEN)

.PHONY: all deps build server web run test test-server test-web bench clean lint format

all: build

deps:
	@bash scripts/install-deps.sh

# Configure once; Ninja and ccache make later builds incremental.
$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

server: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) --parallel

web: deps
	@bash scripts/build-web.sh

build: server web

# First run: create the embedded SQLite database with the unit list and demo data.
run: build
	@if [ ! -f "$(DB)" ]; then \
	  $(BUILD_DIR)/antq init --db sqlite:$(DB) && $(BUILD_DIR)/antq seed demo --db sqlite:$(DB); \
	fi
	ANTQ_PUBLIC_URL=$(ANTQ_PUBLIC_URL) $(BUILD_DIR)/antq serve --db sqlite:$(DB) --listen $(LISTEN)

test: build
	@bash scripts/test.sh

# clang-format, clang-tidy, ESLint, Prettier and the 500-line limit, all at once; fails on any finding
# and prints file and reason (scripts/lint.sh). Needs no build: clang-tidy configures build-lint/ itself.
lint: deps
	@bash scripts/lint.sh

# Rewrites the tree the way `make lint` checks it (clang-format -i, prettier --write).
format: deps
	@bash scripts/format-tree.sh

bench: build
	@bash bench/run.sh
	@bash bench/tips.sh
	@bash bench/cluster_tips.sh
	@bash bench/login_flood.sh
	@bash bench/reports.sh
	@BENCH_REPORT_ENGINE=postgresql bash bench/reports.sh
	@bash bench/imports.sh
	@bash bench/news.sh
	@bash bench/backup.sh
	@ANTQ_BIN=$(BUILD_DIR)/antq bash bench/lighthouse.sh
	@cmake --build $(BUILD_DIR) --target antq_bench_units && $(BUILD_DIR)/antq_bench_units
	@ANTQ_BIN=$(BUILD_DIR)/antq bash bench/soak.sh

# libFuzzer targets with ASan and UBSan (clang, in build-fuzz/), each run FUZZ_SECONDS on a copy of
# its seed corpus; non-zero exit and the reproducer's path on any finding (server/fuzz/run.sh).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash server/fuzz/run.sh

clean:
	rm -rf $(BUILD_DIR) web/dist web/test-results
