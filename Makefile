# Two commands for a fresh Debian 12 machine: `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
EXAMPLE ?= resources/examples/ecommerce-platform.json
# CI builds with warnings as errors; locally they stay warnings.
WERROR := $(if $(CI),ON,OFF)
LAUNCHER := $(if $(shell command -v ccache),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache,)

.PHONY: all deps configure build run test test-sanitize fuzz clean

all: build

deps:
	@bash .ci/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DPLUMBLINE_WERROR=$(WERROR) $(LAUNCHER) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/app/plumbline $(EXAMPLE)

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j $(JOBS) --timeout 600

# The whole suite under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.
# Warnings are not errors here: `make test` enforces them, and GCC's flow analysis reports
# false -Wmaybe-uninitialized inside libstdc++ (std::regex, std::function) once instrumented.
SANITIZE_DIR ?= build-sanitize
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
test-sanitize: deps
	@cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DPLUMBLINE_WERROR=OFF -DPLUMBLINE_BUILD_BENCHMARKS=OFF $(LAUNCHER) \
	  "-DCMAKE_CXX_FLAGS=$(SANITIZE_FLAGS)" "-DCMAKE_EXE_LINKER_FLAGS=$(SANITIZE_FLAGS)" >/dev/null
	@cmake --build $(SANITIZE_DIR) -j $(JOBS)
	cd $(SANITIZE_DIR) && QT_QPA_PLATFORM=offscreen \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp PLUMBLINE_KILL_POINTS=200 \
	  ctest --output-on-failure -j $(JOBS) --timeout 900

# libFuzzer targets built with clang; each runs FUZZ_SECONDS on its seed corpus. New inputs that
# raise coverage go to build-fuzz/corpus/, crashes to build-fuzz/crashes/ (make them regression tests).
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -g
fuzz: deps
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang (apt-get install clang libclang-rt-14-dev)"; exit 1; }
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DPLUMBLINE_FUZZ=ON -DPLUMBLINE_BUILD_TESTS=OFF "-DCMAKE_CXX_FLAGS=$(FUZZ_FLAGS)" >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target plumbline_fuzzers
	@mkdir -p $(FUZZ_DIR)/crashes
	@for f in $(FUZZ_DIR)/tests/fuzz/fuzz_*; do \
	  name=$$(basename $$f); seeds=tests/fuzz/corpus/$${name#fuzz_}; mkdir -p $(FUZZ_DIR)/corpus/$$name; \
	  echo "== $$name for $(FUZZ_SECONDS) s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crashes/$$name- \
	    $(FUZZ_DIR)/corpus/$$name $$seeds 2>&1 | grep -E "stat::number_of_executed_units|ERROR|crash-|Done" || exit 1; \
	done

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)
