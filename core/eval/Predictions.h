#pragma once

// A run's answers per image, as saved in its folder: what the error-analysis views read.
// Torch-free: the trainer and evaluateRun fill these, widgets and the report read them.

#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

/// The model's answer on one image.
struct Prediction {
    QString path;                     ///< the sample's path (IDX: file#index), as in the Dataset
    int truth = -1;                   ///< index into PredictionSet::classes
    int predicted = -1;               ///< argmax of probabilities
    float confidence = 0;             ///< probability of the predicted class
    float loss = 0;                   ///< cross-entropy of the true class: -log p(truth)
    std::vector<float> probabilities; ///< one per class, summing to 1

    bool correct() const { return truth == predicted; }
};

/// Every prediction of one run on one part of the data (dev or test) with one set of weights.
struct PredictionSet {
    QStringList classes; ///< the run's classes, in its order
    QString split;       ///< "dev" or "test" (or the name of the dataset evaluated)
    int epoch = 0;       ///< epoch of the weights used, 0 when unknown
    std::vector<Prediction> items;

    std::vector<int> truths() const;
    std::vector<int> predictions() const;
};

/// How the prediction of every dev image changed over the epochs of a run.
struct PredictionHistory {
    QStringList classes;
    QStringList paths;      ///< dev images, in a fixed order
    std::vector<int> truth; ///< per path
    struct Epoch {
        int epoch = 0;
        std::vector<int> predicted;    ///< per path
        std::vector<float> confidence; ///< per path, of the predicted class
    };
    std::vector<Epoch> epochs; ///< ascending epoch

    int indexOf(const QString &path) const { return int(paths.indexOf(path)); }
    /// Epochs after which the prediction of image `index` changed (the first epoch excluded).
    std::vector<int> flips(int index) const;
};

namespace predictionfiles {

/// File names inside a run folder.
QString devPath(const QString &runDir);     ///< predictions-dev.csv
QString testPath(const QString &runDir);    ///< predictions-test.csv
QString historyPath(const QString &runDir); ///< dev-history.jsonl

/// CSV with a header: path,true_label,predicted_label,confidence,loss,p:<class>,... one
/// probability column per class. The first four columns are the `eval --predictions` contract.
/// Written through QSaveFile; returns an error message or "".
QString write(const QString &file, const PredictionSet &set);
/// Reads a file written by write(). Throws LabelFileError naming the file and line when it does
/// not parse (wrong header, unknown class, a number that is not one).
PredictionSet read(const QString &file);

/// dev-history.jsonl: a first line {"classes":[...],"paths":[...],"truth":[...]}, then one line
/// per epoch {"epoch":N,"predicted":[...],"confidence":[...]}. Whole file rewritten atomically.
QString writeHistory(const QString &file, const PredictionHistory &history);
/// Throws LabelFileError naming the file and line when it does not parse.
PredictionHistory readHistory(const QString &file, bool headerOnly = false);

} // namespace predictionfiles

} // namespace loupe
