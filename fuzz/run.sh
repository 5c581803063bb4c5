#!/bin/bash
# Builds the libFuzzer targets with clang in their own build directory and runs each for
# FUZZ_SECONDS seconds (default 60), starting from the committed seeds of fuzz/corpus/<target>;
# inputs found on the way go to BUILD/fuzz/corpus/<target>, crashes to BUILD/fuzz/artifacts/.
#   FUZZ_SECONDS=20 fuzz/run.sh            (BUILD_FUZZ=dir, CC_FUZZ=clang-19, FUZZ_TARGETS="a b")
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD_FUZZ:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"fuzz_shares_memory fuzz_slice fuzz_model_yaml fuzz_suppress fuzz_config"}
cmake -S . -B "$build" -DCMAKE_C_COMPILER="${CC_FUZZ:-clang-19}" -DVIEWCHECK_FUZZ=ON \
    -DVIEWCHECK_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target fuzz_targets -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
passed=0 failed=0
for t in $targets; do
    work="$build/fuzz/corpus/$t" log="$build/fuzz/$t.log"
    mkdir -p "$work" "$build/fuzz/artifacts"
    if "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$build/fuzz/artifacts/$t-" \
        "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
        passed=$((passed + 1))
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz: $t: ${runs:-?} inputs in $seconds s, corpus $(ls "$work" | wc -l) + seeds, no failure"
    else
        failed=$((failed + 1))
        echo "fuzz: $t: FAILED (log $log; reproducer in $build/fuzz/artifacts/):"
        grep -E "ERROR|runtime error|^fuzz_|SUMMARY|Test unit written" "$log" | head -20 || true
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
