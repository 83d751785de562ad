#pragma once

#include "obistable.h"
#include "reading.h"

#include <QCoreApplication>
#include <QString>

namespace p1 {

/// People's words for OBIS codes and M-Bus device types, translated.
///
/// The protocol core names every code it knows in English, in its one OBIS table (kObisTable in
/// common/protocol/obistable.h, used by the logs and `--decode`), and stays free of Qt. The
/// table marks each name for lupdate in this class's context; this class looks the translation
/// up at run time, falling back to the English name while a catalogue lacks it.
class ObisText
{
    Q_DECLARE_TR_FUNCTIONS(p1::ObisText)

public:
    /// "Electricity delivered to client, tariff 1" in the current language; empty when unknown.
    [[nodiscard]] static QString name(const Obis &code);
    /// Translates one of the core's English names (as describeObis() gives it).
    [[nodiscard]] static QString translateName(std::string_view englishName);
    /// The English names this class offers for translation, each once (for tests).
    [[nodiscard]] static QStringList englishNames();
    /// "gas", "water", "heat", ... for a 24.1.0 device type; "type 9" for others.
    [[nodiscard]] static QString deviceType(std::int16_t type);
};

} // namespace p1
