// loupe: the window. Opens the dataset named on the command line, or none.

#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// --help and --version only print: they must work where no display is (over ssh, in a
// package's build check), and QApplication cannot start there.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            break;
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    const bool gui = !onlyPrints(argc, argv);
    std::unique_ptr<QCoreApplication> application =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Loupe"));
    QCoreApplication::setApplicationName(QStringLiteral("Loupe"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LOUPE_VERSION));
    if (gui) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/loupe.png")));
        // Wayland compositors match the window to the installed .desktop file (and its icon) by this name.
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.loupe.Loupe"));
    }
    loupe::installTranslators(app);
    // The window's sentences built in core write numbers as the user's locale does; the command line
    // (loupe-cli, and this program's --help) keeps ".".
    loupe::setLocaleNumbers(gui);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Loupe, a workbench for vision models."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("DATASET"), QApplication::translate("main", "Dataset to open."),
                                 QStringLiteral("[DATASET]"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QApplication::translate("main", "auto, folder, csv, coco, voc, yolo, idx, masks or mvtec."),
                                    QStringLiteral("F"), QStringLiteral("auto"));
    const QCommandLineOption labels(QStringLiteral("labels"),
                                    QApplication::translate("main", "A label file kept apart from the images."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption images(QStringList{QStringLiteral("images"), QStringLiteral("image-root")},
                                    QApplication::translate("main", "The folder the label file's image paths start from."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption csvColumns(
        QStringLiteral("csv-columns"),
        QApplication::translate("main", "The CSV's path and label columns, by header name or 1-based number."),
        QStringLiteral("PATH,LABEL"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a PNG of the window once loading has settled, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption panel(QStringLiteral("panel"),
                                   QApplication::translate("main", "Page to open: overview, report, browser, augment, "
                                                                   "train, runs or predictions."),
                                   QStringLiteral("NAME"));
    parser.addOptions({format, labels, images, csvColumns, screenshot, panel});
    parser.process(app);

    loupe::MainWindow window;
    if (parser.isSet(panel) && !window.showPanel(parser.value(panel))) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate("main", "loupe: no page \"%1\"; the pages are %2")
                                    .arg(parser.value(panel), window.panelKeys().join(QStringLiteral(", ")))));
        return 2;
    }
    window.show();

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        auto shoot = [&window, file] {
            // Let queued replots and layout settle before grabbing.
            QTimer::singleShot(400, &window, [&window, file] {
                const bool saved = window.grab().save(file, "PNG");
                if (!saved)
                    std::fprintf(stderr, "loupe: cannot write %s\n", qPrintable(file));
                QApplication::exit(saved ? 0 : 2);
            });
        };
        if (parser.positionalArguments().isEmpty())
            shoot();
        else
            QObject::connect(&window, &loupe::MainWindow::inspectionDone, &window, shoot);
    }

    if (!parser.positionalArguments().isEmpty()) {
        loupe::InspectOptions options;
        options.import.format = parser.value(format);
        options.import.labelsFile = parser.value(labels);
        options.import.imagesDir = parser.value(images);
        options.import.csvColumns = parser.value(csvColumns);
        window.openDataset(parser.positionalArguments().front(), options);
    }
    return app.exec();
}
