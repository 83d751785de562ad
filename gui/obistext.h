#pragma once

#include "obis.h"
#include "reading.h"

#include <QCoreApplication>
#include <QString>

namespace p1 {

/// People's words for OBIS codes and M-Bus device types, translated.
///
/// The protocol core names every code it knows in English (describeObis(), used by the logs
/// and `--decode`) and must stay free of Qt. This class gives those same names to the
/// translation system: it lists each of them for lupdate and looks the translation up at run
/// time, falling back to the English name for a code added to the core later.
class ObisText
{
    Q_DECLARE_TR_FUNCTIONS(p1::ObisText)

public:
    /// "Electricity delivered to client, tariff 1" in the current language; empty when unknown.
    [[nodiscard]] static QString name(const Obis &code);
    /// Translates one of the core's English names (as describeObis() gives it).
    [[nodiscard]] static QString translateName(std::string_view englishName);
    /// The English names this class offers for translation (for tests).
    [[nodiscard]] static QStringList englishNames();
    /// "gas", "water", "heat", ... for a 24.1.0 device type; "type 9" for others.
    [[nodiscard]] static QString deviceType(std::int16_t type);
};

} // namespace p1
