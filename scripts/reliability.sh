#!/usr/bin/env bash
# Every reliability check, one after the other, with a summary at the end:
#   asan    the whole build with ASan + UBSan (LOUPE_SANITIZE=address,undefined) and every test
#   tsan    a ThreadSanitizer build of what runs Loupe's own threads, and its tests: the training
#           controller (tst_trainpanel), data loader and trainer (tst_train, chosen functions),
#           thumbnail loader (tst_browser)
#   fuzz    fuzz/run.sh, when it exists (LOUPE_FUZZ_SECONDS a harness, default 60)
#   faults  tests/faults/run.sh, when it exists, on the ASan build (LOUPE_FAULTS_BUILD_DIR)
# Usage: scripts/reliability.sh [asan] [tsan] [fuzz] [faults]   (no argument: all four)
#   LOUPE_ASAN_DIR, LOUPE_TSAN_DIR  build folders (default build-asan, build-tsan in the repo)
#   LOUPE_JOBS                      parallel build jobs (default: every core)
#   LOUPE_BUILD_LOCK                a lock file to build under (machines that share their cores)
# Exit status 0 only when every step that ran passed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
asan_dir=${LOUPE_ASAN_DIR:-$root/build-asan}
tsan_dir=${LOUPE_TSAN_DIR:-$root/build-tsan}
jobs=${LOUPE_JOBS:-$(nproc)}
supp=$root/tests/sanitizers
lock=()
[[ -n ${LOUPE_BUILD_LOCK:-} ]] && lock=(flock "$LOUPE_BUILD_LOCK")

steps=("$@")
[[ ${#steps[@]} -eq 0 ]] && steps=(asan tsan fuzz faults)

summary=()
failed=0
note() { summary+=("$(printf '%-8s %-7s %5ss  %s' "$1" "$2" "$3" "$4")"); [[ $2 == FAIL ]] && failed=1; }
log() { printf '\n=== %s ===\n' "$*"; }

# The sanitizer runtimes' options for what runs outside CTest (the fault checks); CTest sets the
# same as test properties (cmake/Sanitizers.cmake).
asan_env=(
    ASAN_OPTIONS="halt_on_error=1:detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1"
    LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp")
export QT_QPA_PLATFORM=offscreen

configure_and_build() { # dir sanitizer targets...
    local dir=$1 sanitize=$2
    shift 2
    cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOUPE_SANITIZE="$sanitize" \
        -DLOUPE_BUILD_BENCH=OFF >/dev/null || return 1
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    "${lock[@]}" cmake --build "$dir" -j"$jobs" "${targets[@]}"
}

run_asan() {
    log "ASan + UBSan: build $asan_dir"
    local t0=$SECONDS
    if ! configure_and_build "$asan_dir" address,undefined; then
        note asan FAIL $((SECONDS - t0)) "build failed"
        return
    fi
    local built=$((SECONDS - t0))
    log "ASan + UBSan: every test"
    (cd "$asan_dir" && ctest --output-on-failure -j"$jobs" 2>&1) | tee "$asan_dir/asan-ctest.log"
    local rc=${PIPESTATUS[0]} line failures
    line=$(grep -E 'tests passed' "$asan_dir/asan-ctest.log" | tail -1)
    failures=$(grep -E '^\s+[0-9]+ - ' "$asan_dir/asan-ctest.log" | awk '{print $3}' | paste -sd' ')
    note asan "$([[ $rc -eq 0 ]] && echo PASS || echo FAIL)" $((SECONDS - t0)) \
        "build ${built}s; ${line:-no test summary}${failures:+; failed: $failures}"
}

# TSan: Qt, LibTorch and libgomp are not instrumented (tests/sanitizers/tsan.supp says what is
# suppressed and why). One OpenMP thread: TSan cannot see libgomp's barriers, so with more it
# reports every tensor operation that crosses OpenMP threads; Loupe's own threads (training
# QThread, data loader workers, thumbnail pool) are unaffected by it.
tsan_run() { # name test-executable [test functions...]
    local name=$1 exe=$2
    shift 2
    local t0=$SECONDS rc
    log "TSan: $name $*"
    # ASLR off: TSan's fixed shadow layout clashes with some kernels' mmap randomisation.
    local norand=()
    setarch "$(uname -m)" -R true 2>/dev/null && norand=(setarch "$(uname -m)" -R)
    (cd "$tsan_dir/tests" && env TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp" \
        OMP_NUM_THREADS=1 OMP_WAIT_POLICY=passive timeout 1800 "${norand[@]}" "./$exe" "$@" 2>&1) |
        tee "$tsan_dir/$exe.log"
    rc=${PIPESTATUS[0]}
    local totals
    totals=$(grep -E '^Totals:' "$tsan_dir/$exe.log" | tail -1)
    note tsan "$([[ $rc -eq 0 ]] && echo PASS || echo FAIL)" $((SECONDS - t0)) "$name: ${totals:-exit $rc}"
}

run_tsan() {
    log "TSan: build $tsan_dir"
    local t0=$SECONDS
    if ! configure_and_build "$tsan_dir" thread tst_trainpanel tst_train tst_browser; then
        note tsan FAIL $((SECONDS - t0)) "build failed"
        return
    fi
    note tsan PASS $((SECONDS - t0)) "build"
    tsan_run "training controller" tst_trainpanel
    tsan_run "data loader, trainer" tst_train loaderIsDeterministicAndKeepsChannels \
        lossDecreasesAndRunFolderIsComplete pauseResumeCancel overfitCheckPasses
    # Not the panel and viewer cases: opening the viewer makes QtGui convert the image on QThreadPool
    # threads, whose queue (memmove inside stripped libQt6Core, no symbol to suppress by) TSan then
    # reports without the futex around it.
    tsan_run "thumbnail loader" tst_browser deliveryIsOneDataChangedPerBurst \
        thumbnailsArriveAsynchronouslyAndHitTheDiskCache memoryCacheStaysWithinBudget
}

run_script() { # name command... : another engineer's entry point, run only when its script is there
    local name=$1 t0=$SECONDS
    shift
    local script
    for script in "$@"; do [[ $script == */*.sh ]] && break; done
    if [[ ! -f $script ]]; then
        note "$name" SKIP 0 "${script#"$root"/} not present"
        return
    fi
    log "$name: ${script#"$root"/}"
    "$@"
    local rc=$?
    note "$name" "$([[ $rc -eq 0 ]] && echo PASS || echo FAIL)" $((SECONDS - t0)) "${script#"$root"/} (exit $rc)"
}

for step in "${steps[@]}"; do
    case $step in
    asan) run_asan ;;
    tsan) run_tsan ;;
    # Seconds per harness; fuzz/run.sh builds its own clang tree (BUILD_DIR, default /work/build-fuzz).
    fuzz) run_script fuzz bash "$root/fuzz/run.sh" "${LOUPE_FUZZ_SECONDS:-60}" ;;
    # The fault checks run the ASan build's binaries, so a fault that corrupts memory shows too.
    faults) run_script faults env "${asan_env[@]}" bash "$root/tests/faults/run.sh" "${LOUPE_FAULTS_BUILD_DIR:-$asan_dir}" ;;
    *) echo "unknown step '$step' (asan, tsan, fuzz, faults)" >&2; exit 2 ;;
    esac
done

log "Reliability summary"
printf '%s\n' "${summary[@]}"
exit $failed
