# LOUPE_SANITIZE: a sanitizer list for -fsanitize=, e.g. "address,undefined" or "thread".
# It instruments every Loupe target (core, widgets, app, tests, bench) through loupe_config;
# Qt, LibTorch and OpenCV stay uninstrumented, which ASan and UBSan tolerate and TSan answers
# with tests/sanitizers/tsan.supp. Run the results with scripts/reliability.sh.
set(LOUPE_SANITIZE "" CACHE STRING "Sanitizers for -fsanitize= (address,undefined | thread); empty for none")

# Sanitized tests run 2-15x slower: test timeouts are scaled by this factor.
set(LOUPE_TEST_TIMEOUT_FACTOR 1)
get_filename_component(LOUPE_SANITIZER_SUPP_DIR ${CMAKE_CURRENT_LIST_DIR}/../tests/sanitizers ABSOLUTE)

if(LOUPE_SANITIZE)
  if(LOUPE_SANITIZE MATCHES "thread" AND LOUPE_SANITIZE MATCHES "address")
    message(FATAL_ERROR "LOUPE_SANITIZE: thread and address cannot be combined")
  endif()
  # No recovery: any report ends the process with an error, so CTest sees a failure.
  target_compile_options(loupe_config INTERFACE
    -fsanitize=${LOUPE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(loupe_config INTERFACE -fsanitize=${LOUPE_SANITIZE})
  if(LOUPE_SANITIZE MATCHES "thread")
    set(LOUPE_TEST_TIMEOUT_FACTOR 10)
  else()
    set(LOUPE_TEST_TIMEOUT_FACTOR 4)
  endif()
  message(STATUS "Loupe: sanitizers ${LOUPE_SANITIZE}, test timeouts x${LOUPE_TEST_TIMEOUT_FACTOR}")
endif()

# Deferred to the end of tests/CMakeLists.txt, so that tests added later are covered too: scales
# every test's TIMEOUT and gives the sanitizer runtimes their options, so that a plain `ctest` in
# a sanitizer build folder fails on any report (scripts/reliability.sh uses the same options).
function(loupe_sanitize_tests)
  if(NOT LOUPE_SANITIZE)
    return()
  endif()
  set(supp ${LOUPE_SANITIZER_SUPP_DIR})
  set(env
    "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1"
    "LSAN_OPTIONS=suppressions=${supp}/lsan.supp:print_suppressions=0"
    "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${supp}/ubsan.supp")
  if(LOUPE_SANITIZE MATCHES "thread")
    # Uninstrumented libgomp is invisible to TSan (every OpenMP handoff looks like a race):
    # one OpenMP thread keeps those reports out; Loupe's own threads stay as they are.
    list(APPEND env
      "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=${supp}/tsan.supp"
      "OMP_NUM_THREADS=1")
  endif()
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(t IN LISTS tests)
    get_test_property(${t} TIMEOUT timeout)
    if(NOT timeout)
      set(timeout 1500)
    endif()
    math(EXPR timeout "${timeout} * ${LOUPE_TEST_TIMEOUT_FACTOR}")
    set_property(TEST ${t} PROPERTY TIMEOUT ${timeout})
    set_property(TEST ${t} APPEND PROPERTY ENVIRONMENT ${env})
  endforeach()
endfunction()
