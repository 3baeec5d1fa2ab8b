# The LibTorch boundary, proven by the compiler (ctest "boundary"): with loupe_widgets' flags a file
# including a public core header compiles, and one including a private core header or LibTorch
# fails for exactly that header.  cmake -DBUILD_DIR=... -P check.cmake
function(probe target expect_ok missing)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${target}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(expect_ok AND NOT rc EQUAL 0)
    message(FATAL_ERROR "${target} should compile with widgets' flags but did not:\n${out}${err}")
  endif()
  if(NOT expect_ok)
    if(rc EQUAL 0)
      message(FATAL_ERROR "${target} compiled: ${missing} is reachable from widgets/")
    endif()
    string(FIND "${out}${err}" "${missing}: No such file" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${target} failed, but not for ${missing}:\n${out}${err}")
    endif()
  endif()
  message(STATUS "${target}: as expected")
endfunction()

probe(boundary_probe_public TRUE "")
probe(boundary_probe_private FALSE "model/Models.h")
probe(boundary_probe_torch FALSE "torch/torch.h")
