#pragma once

#include "telegramrecord.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace p1 {

/// Renders a telegram's raw bytes for people: every byte visible, nothing hidden.
///
/// Printable ASCII shows as is; line ends are CR LF in a good telegram, so those are implied by
/// the line breaks, and anything else is drawn as a marked token: a lone CR or LF-only line end
/// (`⟨LF⟩` at the end of a line: the cable or dongle rewrites line ends), and every other byte
/// outside 0x20-0x7E as `⟨1B⟩` (NUL, telnet bytes, bit errors). The CRC line is coloured by
/// the verdict and annotated; the header line is bold. A telegram that came encrypted is
/// preceded by its frame's header (system title, frame counter, security control) and the GCM
/// tag's verdict; the text below is the decrypted telegram.
class RawTelegramFormatter
{
    Q_DECLARE_TR_FUNCTIONS(p1::RawTelegramFormatter)

public:
    /// Rich text (HTML) for a QTextBrowser.
    [[nodiscard]] static QString toHtml(const TelegramRecord &record);
    /// The text with the same tokens, for the clipboard ("copy as text").
    [[nodiscard]] static QString toPlainText(const QByteArray &bytes);
    /// The encrypted frame's header and tag verdict, one line each; empty for a plain telegram.
    [[nodiscard]] static QStringList envelopeLines(const TelegramRecord &record);
    /// One line of the CRC verdict: "CRC OK (sent 1A2B)", "CRC bad: sent 1A2B, computed 3C4D".
    [[nodiscard]] static QString crcVerdict(const TelegramRecord &record);
};

} // namespace p1
