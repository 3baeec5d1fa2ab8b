#pragma once

#include <cstdint>
#include <vector>

namespace loupe {

/// Pixels of an MNIST-style IDX image file held in memory (row-major, 8-bit grey).
struct IdxImages {
    int count = 0;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;

    const std::uint8_t *image(int index) const { return pixels.data() + std::size_t(index) * rows * cols; }
};

} // namespace loupe
