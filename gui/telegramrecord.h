#pragma once

#include "telegramdecoder.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace p1 {

/// One telegram as p1-monitor saw it: the raw frame text, how the TelegramDecoder judged it,
/// and (when accepted) what the daemon would publish from it.
///
/// The record keeps the frame text rather than the parsed Telegram (whose views point into a
/// buffer that the next telegram overwrites): the views re-parse it when they show it, which
/// costs microseconds, and a scrollback of records stays cheap to keep and copy (the text is an
/// implicitly shared QByteArray). The Venus values are kept because the gas flow depends on the
/// telegrams before this one.
/// The header of the encrypted frame a telegram came in, and what its GCM tag said.
struct EnvelopeRecord
{
    QString systemTitle; ///< as text when printable ("SAG12345"), else hex
    quint32 frameCounter = 0;
    quint8 securityControl = 0; ///< 0x30 encrypted and authenticated, 0x20 encrypted only
    TagVerdict tag = TagVerdict::NotChecked;
};

struct TelegramRecord
{
    quint64 number = 0; ///< 1 for the first telegram of a session
    QDateTime received; ///< local time the footer arrived
    QByteArray text; ///< from '/' to the footer's last character, as received (after 7-bit masking)
    CrcStatus crc = CrcStatus::None;
    Rejection rejection = Rejection::None;
    quint16 crcSent = 0;
    quint16 crcComputed = 0;
    QString rejectReason; ///< translated; empty when accepted
    std::optional<EnvelopeRecord> envelope; ///< set when the telegram came encrypted
    qint64 intervalMs = -1; ///< since the previous accepted telegram; -1 for the first

    // Filled for accepted telegrams only:
    QString ident;
    QString version;
    QString equipmentId;
    std::optional<double> netPower; ///< W, positive = import
    GridValues grid;
    GasValues gas;
    bool hasGas = false;
    WaterValues water;

    [[nodiscard]] bool accepted() const noexcept { return rejection == Rejection::None; }
};

} // namespace p1

Q_DECLARE_METATYPE(p1::TelegramRecord)
