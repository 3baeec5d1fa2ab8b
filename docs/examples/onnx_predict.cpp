// Classifies images with a model from `loupe-cli export RUN --onnx model.onnx` (OpenCV only).
// Build: g++ -std=c++17 onnx_predict.cpp $(pkg-config --cflags --libs opencv4) -o onnx_predict
// Run:   ./onnx_predict model.onnx SIZE CHANNELS image.png...   (the run's image size and 1 or 3)
#include <opencv2/dnn.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    if (argc < 5)
        return 2;
    cv::dnn::Net net = cv::dnn::readNetFromONNX(argv[1]);
    const int size = std::atoi(argv[2]), channels = std::atoi(argv[3]);
    for (int i = 4; i < argc; ++i) {
        cv::Mat image = cv::imread(argv[i], channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        const bool shrinks = image.cols > size && image.rows > size; // the run's "auto" interpolation
        cv::resize(image, image, cv::Size(size, size), 0, 0, shrinks ? cv::INTER_AREA : cv::INTER_LINEAR);
        // Values / 255, BGR to RGB, NCHW; the model applies the run's mean and std itself.
        net.setInput(cv::dnn::blobFromImage(image, 1.0 / 255, cv::Size(), cv::Scalar(), channels == 3), "image");
        const cv::Mat probabilities = net.forward("probabilities"); // [1, classes]
        cv::Point best;
        double p = 0;
        cv::minMaxLoc(probabilities, nullptr, &p, nullptr, &best);
        std::printf("%s,%d,%.6f\n", argv[i], best.x, p);
    }
}
