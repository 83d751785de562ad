#include "rawtelegramformatter.h"

#include "monitorsession.h"

#include <QStringList>

namespace p1 {

namespace {

constexpr auto kTokenStyle = "background:#ffe3a8;color:#7a4b00;";

QString hex(uint value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0')).toUpper();
}

// One line's bytes (without its line end) with invisible bytes as tokens.
QString renderBytes(QByteArrayView line, bool html)
{
    QString out;
    for (const char ch : line) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c <= 0x7e) {
            if (html && c == '<')
                out += QStringLiteral("&lt;");
            else if (html && c == '>')
                out += QStringLiteral("&gt;");
            else if (html && c == '&')
                out += QStringLiteral("&amp;");
            else
                out += QChar(char16_t(c));
            continue;
        }
        const QString token = c == '\r' ? QStringLiteral("⟨CR⟩") : u'⟨' + hex(c, 2) + u'⟩';
        if (html)
            out += QStringLiteral("<span style=\"%1\">%2</span>")
                       .arg(QLatin1StringView(kTokenStyle), token);
        else
            out += token;
    }
    return out;
}

struct Line
{
    QByteArrayView bytes; ///< without the line end
    bool lfOnly = false; ///< ended by LF without CR
    bool last = false; ///< no line end (the footer)
};

QList<Line> splitLines(QByteArrayView text)
{
    QList<Line> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '\n')
            continue;
        Line line;
        qsizetype end = i;
        if (end > start && text[end - 1] == '\r')
            --end;
        else
            line.lfOnly = true;
        line.bytes = text.sliced(start, end - start);
        lines.append(line);
        start = i + 1;
    }
    if (start < text.size())
        lines.append(Line {text.sliced(start), false, true});
    return lines;
}

} // namespace

QString RawTelegramFormatter::crcVerdict(const TelegramRecord &record)
{
    if (record.rejection == Rejection::CrcMismatch)
        return tr("CRC bad: sent %1, computed %2")
            .arg(hex(record.crcSent, 4), hex(record.crcComputed, 4));
    if (isFrameRejection(record.rejection))
        return MonitorSession::describeRejection(record);
    switch (record.crc) {
    case CrcStatus::Ok:
        return tr("CRC OK (%1)").arg(hex(record.crcSent, 4));
    case CrcStatus::None:
        return tr("no CRC (DSMR 2.2/3.0 sends none)");
    case CrcStatus::Bad:
        return tr("CRC bad");
    }
    return QString();
}

QStringList RawTelegramFormatter::envelopeLines(const TelegramRecord &record)
{
    if (!record.envelope)
        return {};
    const EnvelopeRecord &e = *record.envelope;
    const QString control = e.securityControl == 0x30
        ? tr("%1 (encrypted and authenticated)").arg(hex(e.securityControl, 2))
        : tr("%1 (encrypted only)").arg(hex(e.securityControl, 2));
    QString tag;
    switch (e.tag) {
    case TagVerdict::Ok:
        tag = tr("GCM tag OK");
        break;
    case TagVerdict::Absent:
        tag = tr("no GCM tag: the telegram's CRC vouches for it");
        break;
    case TagVerdict::AuthKeyDiffers:
        tag = tr("GCM tag fails with this authentication key; accepted on the telegram's own CRC");
        break;
    case TagVerdict::Failed:
        tag = tr("GCM tag fails: wrong key?");
        break;
    case TagVerdict::NotChecked:
        tag = tr("not decrypted: no key given");
        break;
    }
    return {tr("Encrypted frame: system title %1, frame counter %2, security control %3")
                .arg(e.systemTitle, hex(e.frameCounter, 8), control),
        tag};
}

QString RawTelegramFormatter::toPlainText(const QByteArray &bytes)
{
    QStringList out;
    for (const Line &line : splitLines(bytes))
        out.append(
            renderBytes(line.bytes, false) + (line.lfOnly ? QStringLiteral("⟨LF⟩") : QString()));
    return out.join(u'\n') + u'\n';
}

QString RawTelegramFormatter::toHtml(const TelegramRecord &record)
{
    QString crcColour = QStringLiteral("#1b7a1b");
    if (!record.accepted())
        crcColour = QStringLiteral("#b01c1c");
    else if (record.crc == CrcStatus::None)
        crcColour = QStringLiteral("#666666");

    QString html = QStringLiteral("<pre style=\"margin:0\">");
    const QStringList envelope = envelopeLines(record);
    for (const QString &line : envelope)
        html +=
            QStringLiteral("<span style=\"color:#555555\">%1</span>\n").arg(line.toHtmlEscaped());
    if (!envelope.isEmpty() && record.text.isEmpty()) {
        html += QStringLiteral("<span style=\"color:%1\">%2</span>\n</pre>")
                    .arg(crcColour, record.rejectReason.toHtmlEscaped());
        return html;
    }
    const QList<Line> lines = splitLines(record.text);
    bool sawFooter = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &line = lines[i];
        QString body = renderBytes(line.bytes, true);
        if (line.lfOnly)
            body += QStringLiteral("<span style=\"%1\">⟨LF⟩</span>")
                        .arg(QLatin1StringView(kTokenStyle));
        if (i == 0) {
            html += QStringLiteral("<b>") + body + QStringLiteral("</b>\n");
        } else if (line.bytes.startsWith('!')) {
            sawFooter = true;
            html += QStringLiteral("<span style=\"color:%1;font-weight:bold\">%2</span>"
                                   "<span style=\"color:%1\">    ← %3</span>\n")
                        .arg(crcColour, body, crcVerdict(record).toHtmlEscaped());
        } else {
            html += body + u'\n';
        }
    }
    if (!sawFooter)
        html += QStringLiteral("<span style=\"color:%1\">%2</span>\n")
                    .arg(crcColour, crcVerdict(record).toHtmlEscaped());
    html += QStringLiteral("</pre>");
    return html;
}

} // namespace p1
