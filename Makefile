# Thin driver over CMake: `make demo`, `make test`, `make asan-test`, `make bench`, `make fuzz`,
# `make differential` (the long run of the differential test against nda's checked mode).
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60
DIFFERENTIAL_COUNT ?= 10000

.PHONY: all deps build demo test asan-test bench fuzz campaign differential format clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan-test: deps
	cmake -S . -B $(BUILD)-asan -DVIEWCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(BUILD)-asan -j $(JOBS)
	ctest --test-dir $(BUILD)-asan --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD) --target bench

# libFuzzer targets (clang), each run for FUZZ_SECONDS: `make fuzz FUZZ_SECONDS=600`.
fuzz: deps
	BUILD_FUZZ=$(BUILD)-fuzz FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

# Generated programs (csmith and corpus mutants) through an ASan+UBSan viewcheck.
CAMPAIGN_FLAGS ?= --csmith-count 200 --mutants 2000
campaign: deps
	cmake -S . -B $(BUILD)-asan -DVIEWCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(BUILD)-asan -j $(JOBS) --target viewcheck
	fuzz/campaign.py --viewcheck $(BUILD)-asan/bin/viewcheck --out $(BUILD)-asan/campaign \
	    --jobs $(JOBS) $(CAMPAIGN_FLAGS)

# Generated programs run under nda's checked mode and analyzed: every dynamic finding must be a
# static one (tests/gen/differential.py); counts in $(BUILD)/differential.json.
differential: build
	tests/gen/differential.py --viewcheck $(BUILD)/bin/viewcheck --include runtime/include \
	    --library $(BUILD)/runtime/libnda_checked.a --count $(DIFFERENTIAL_COUNT) \
	    --jobs $(JOBS) --samples 40 --json $(BUILD)/differential.json

format:
	git ls-files '*.c' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
