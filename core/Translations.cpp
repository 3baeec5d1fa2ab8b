#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <atomic>

namespace loupe {

bool installTranslators(QCoreApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *own = new QTranslator(&app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (own->load(locale, QStringLiteral("loupe"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(own);
        return true;
    }
    // No translation for this locale (C/POSIX, or a language without a .ts file): English plural
    // forms still make "%n image(s)" read right.
    if (own->load(QStringLiteral("loupe_en"), QStringLiteral(":/i18n")))
        app.installTranslator(own);
    return false;
}

namespace {
std::atomic<bool> g_localeNumbers{false};
}

void setLocaleNumbers(bool on)
{
    g_localeNumbers = on;
}

bool localeNumbers()
{
    return g_localeNumbers;
}

QString localeNumber(double value, char format, int precision)
{
    QLocale locale = g_localeNumbers ? QLocale() : QLocale::c();
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    return locale.toString(value, format, precision);
}

} // namespace loupe
