#include "capturedecoder.h"

#include "textconv.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QString>

#include <utility>

using namespace Qt::StringLiterals;

namespace p1 {

namespace {

QString crcName(CrcStatus crc)
{
    switch (crc) {
    case CrcStatus::Ok:
        return u"ok"_s;
    case CrcStatus::None:
        return u"none"_s;
    case CrcStatus::Bad:
        return u"bad"_s;
    }
    return u"bad"_s;
}

QJsonValue toJson(const VenusValue &value)
{
    switch (value.kind) {
    case ValueKind::Invalid:
        break;
    case ValueKind::Double:
        return value.number;
    case ValueKind::Int:
        return value.integer;
    case ValueKind::String:
        // Mapped strings may be hex-decoded meter text; they go to D-Bus as UTF-8 too.
        return QString::fromStdString(value.text);
    }
    return QJsonValue::Null;
}

// {path: value} for the valid paths only: what the service would publish as non-empty.
template<typename PathEnum, std::size_t N>
QJsonObject pathsToJson(const PathValues<PathEnum, N> &values)
{
    QJsonObject out;
    for (std::size_t i = 0; i < N; ++i) {
        const VenusValue &value = values.values[i];
        if (value.valid())
            out.insert(toQString(pathSpec(PathEnum(i)).path), toJson(value));
    }
    return out;
}

// The heat meters: decoded, never published (Venus has no service type for heat), so plain
// keys rather than D-Bus paths.
QJsonArray heatToJson(const Reading &reading)
{
    QJsonArray out;
    for (const MbusChannel &channel : reading.mbus) {
        if (!channel.isHeatMeter())
            continue;
        QJsonObject heat {{u"channel"_s, int(channel.channel)},
            {u"value"_s, channel.value->toDouble()},
            {u"unit"_s, toQString(unitSymbol(channel.unit))}};
        if (!channel.equipmentId.empty())
            heat.insert(u"equipmentId"_s, toQString(channel.equipmentId));
        if (channel.captureTime.valid)
            heat.insert(u"captureTime"_s, QString::fromStdString(channel.captureTime.toIso8601()));
        out.append(heat);
    }
    return out;
}

QJsonArray objectsToJson(const Telegram &telegram)
{
    QJsonArray out;
    for (const CosemObject &object : telegram.objects) {
        QJsonArray values;
        QString unit;
        for (const CosemValue &value : telegram.valuesOf(object)) {
            const std::string plain = value.plain();
            values.append(toQString(plain));
            if (unit.isEmpty() && !value.unitText.empty())
                unit = toQString(value.unitText);
        }
        QJsonObject entry {
            {u"obis"_s, toQString(object.obisText)},
            {u"values"_s, values},
        };
        if (!unit.isEmpty())
            entry.insert(u"unit"_s, unit);
        out.append(entry);
    }
    return out;
}

QJsonObject telegramToJson(const DecodedTelegram &decoded)
{
    QJsonObject json;
    json.insert(u"crc"_s, crcName(decoded.frame.crc));
    if (!decoded.accepted())
        json.insert(u"error"_s, toQString(describe(decoded)));
    json.insert(u"ident"_s, toQString(decoded.telegram.ident));

    if (decoded.accepted()) {
        const Reading &reading = decoded.reading;
        json.insert(u"version"_s,
            reading.version.empty() ? QJsonValue(QJsonValue::Null)
                                    : QJsonValue(toQString(reading.version)));
        json.insert(u"timestamp"_s,
            reading.timestamp.valid
                ? QJsonValue(QString::fromStdString(reading.timestamp.toIso8601()))
                : QJsonValue(QJsonValue::Null));
        // What the daemon publishes: no grid service for a telegram without electricity.
        json.insert(u"grid"_s,
            decoded.hasGrid ? QJsonValue(pathsToJson(decoded.grid)) : QJsonValue(QJsonValue::Null));
        json.insert(u"gas"_s,
            decoded.hasGas ? QJsonValue(pathsToJson(decoded.gas)) : QJsonValue(QJsonValue::Null));
        // Present only when the telegram carries such meters: most have neither.
        if (decoded.water.count > 0) {
            QJsonArray water;
            for (const GasValues &meter : decoded.water.valid())
                water.append(pathsToJson(meter));
            json.insert(u"water"_s, water);
        }
        const QJsonArray heat = heatToJson(reading);
        if (!heat.isEmpty())
            json.insert(u"heat"_s, heat);
    }

    // Listed for rejected telegrams too, best effort: they help to see what went wrong.
    json.insert(u"objects"_s, objectsToJson(decoded.telegram));
    if (const Envelope *envelope = decoded.envelope) {
        json.insert(u"encryption"_s,
            QJsonObject {
                {u"systemTitle"_s, QString::fromStdString(describeSystemTitle(envelope->frame))},
                {u"frameCounter"_s, qint64(envelope->frame.frameCounter)},
                {u"securityControl"_s,
                    u"%1"_s.arg(envelope->frame.securityControl, 2, 16, QLatin1Char('0'))},
                {u"tag"_s, toQString(describe(envelope->tag))},
            });
    }
    return json;
}

} // namespace

CaptureDecoder::CaptureDecoder(Sink sink)
    : m_sink(std::move(sink))
    , m_decoder([this](const DecodedTelegram &decoded) { m_sink(telegramToJson(decoded)); })
{ }

void CaptureDecoder::setKeys(const DecryptionKeys &keys)
{
    m_decoder.setKeys(keys);
}

void CaptureDecoder::push(std::string_view bytes)
{
    m_decoder.push(bytes);
}

void CaptureDecoder::finish()
{
    m_decoder.finish();
}

QByteArray CaptureDecoder::toLine(const QJsonObject &object)
{
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

QList<QJsonObject> CaptureDecoder::decode(std::string_view capture)
{
    QList<QJsonObject> out;
    CaptureDecoder decoder([&out](const QJsonObject &object) { out.append(object); });
    decoder.push(capture);
    decoder.finish();
    return out;
}

} // namespace p1
