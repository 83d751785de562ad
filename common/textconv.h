#pragma once

// Text from the protocol core (std::string, std::string_view) as a QString.

#include <QString>

#include <string_view>

namespace p1 {

/// The core's text is ASCII: OBIS codes, D-Bus paths, units, error names, and meter text once
/// the Framer masked it to 7 bits. Latin-1 maps every byte to one character, so even damaged
/// meter text converts whole and stays valid in JSON and on D-Bus; for ASCII it is the same as
/// UTF-8.
[[nodiscard]] inline QString toQString(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

} // namespace p1
