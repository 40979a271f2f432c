# Two commands for a fresh Debian 12 machine: `make run` and `make test`.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
EXAMPLE ?= resources/examples/ecommerce-platform.json
# CI builds with warnings as errors; locally they stay warnings.
WERROR := $(if $(CI),ON,OFF)
# Decided when the recipe runs, after `deps` has installed ccache: decided when make starts, a
# new machine's first build ran without it and the second rebuilt everything with it.
LAUNCHER = $$(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

.PHONY: all deps configure build run test test-sanitize fuzz package clean

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

# libFuzzer targets built with clang; each of FUZZ_TARGETS runs FUZZ_SECONDS on its seed corpus
# (tests/fuzz/corpus/<target>, with tests/fuzz/dict/<target>.dict when there is one). New inputs
# that raise coverage go to build-fuzz/corpus/<target>/, logs to build-fuzz/logs/, crashes,
# timeouts and out-of-memory inputs to build-fuzz/crashes/. Stops with the recipe for turning a
# finding into a regression test when a target finds one.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= model_json project_file rule_pack condition structurizr_dsl drawio
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g
fuzz: deps
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang (apt-get install clang libclang-rt-14-dev)"; exit 1; }
	@cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DPLUMBLINE_FUZZ=ON -DPLUMBLINE_BUILD_TESTS=OFF -DPLUMBLINE_BUILD_BENCHMARKS=OFF $(LAUNCHER) \
	  "-DCMAKE_CXX_FLAGS=$(FUZZ_FLAGS)" >/dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS) --target plumbline_fuzzers
	@mkdir -p $(FUZZ_DIR)/crashes $(FUZZ_DIR)/logs
	@for name in $(FUZZ_TARGETS); do \
	  fuzzer=$(FUZZ_DIR)/tests/fuzz/fuzz_$$name; log=$(FUZZ_DIR)/logs/$$name.log; \
	  dict=tests/fuzz/dict/$$name.dict; dictarg=$$( [ -f $$dict ] && echo -dict=$$dict ); \
	  mkdir -p $(FUZZ_DIR)/corpus/$$name; echo "== fuzz_$$name for $(FUZZ_SECONDS) s (log: $$log)"; \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $$fuzzer -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 $$dictarg \
	    -artifact_prefix=$(FUZZ_DIR)/crashes/$$name- $(FUZZ_DIR)/corpus/$$name tests/fuzz/corpus/$$name \
	    >$$log 2>&1; status=$$?; \
	  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|^==[0-9]+==ERROR|^SUMMARY|Test unit written" $$log; \
	  if [ $$status -ne 0 ]; then \
	    echo "fuzz_$$name found a problem (exit $$status). To make it a regression test:"; \
	    echo "  1. reproduce:  $$fuzzer $(FUZZ_DIR)/crashes/$$name-<file>"; \
	    echo "  2. minimize:   $$fuzzer -minimize_crash=1 -runs=100000 -exact_artifact_path=/tmp/min $(FUZZ_DIR)/crashes/$$name-<file>"; \
	    echo "  3. keep it:    cp /tmp/min tests/fuzz/regressions/$$name/<what-it-breaks>  (replayed by ctest -R fuzz_regressions)"; \
	    echo "  4. fix the code until that suite and the fuzzer pass on it"; \
	    exit 1; \
	  fi; \
	done

# The Debian package, $(BUILD_DIR)/plumbline_<version>_amd64.deb (cmake/packaging.cmake).
package: build
	@cmake --build $(BUILD_DIR) --target plumbline_packaging_data
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)
