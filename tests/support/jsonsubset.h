#pragma once

// Test support: compares decoded JSON with a partial expectation written as JSON text, so a test
// row reads like the output it expects: R"({"crc": "ok", "grid": {"/Ac/Power": 884}})".

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

#include <algorithm>
#include <cmath>

namespace p1::test {

/// The value that marks a key that must NOT be present: {"grid": "<absent>"}.
inline QString absentMarker()
{
    return QStringLiteral("<absent>");
}

/// Parses JSON test text; a syntax error in a test row is a bug in the test, named here.
inline QJsonValue json(const char *text)
{
    QJsonParseError error;
    const QByteArray wrapped = QByteArray("[") + text + "]";
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError)
        return QJsonValue(QStringLiteral("bad test JSON: ") + error.errorString());
    return doc.array().at(0);
}

/// Empty when \a actual holds everything \a expected says, else what differs and where.
/// - objects: every expected key must be present and match (extra actual keys are fine), and
///   a key whose expected value is absentMarker() must be missing;
/// - arrays: same length, element by element;
/// - numbers: equal within a relative 1e-9 (values pass through double arithmetic);
/// - anything else: equal.
inline QString jsonMismatch(const QJsonValue &actual, const QJsonValue &expected,
    const QString &where = QStringLiteral("$"))
{
    const auto show = [](const QJsonValue &v) -> QString {
        if (v.isObject())
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        if (v.isArray())
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact));
    };
    // Explicit QString: with QT_USE_QSTRINGBUILDER an auto return would dangle.
    const auto differ = [&]() -> QString {
        return where + QStringLiteral(": expected ") + show(expected) + QStringLiteral(", got ")
            + show(actual);
    };
    if (expected.isObject()) {
        if (!actual.isObject())
            return differ();
        const QJsonObject a = actual.toObject();
        const QJsonObject e = expected.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString at = where + QLatin1Char('.') + it.key();
            if (it.value() == QJsonValue(absentMarker())) {
                if (a.contains(it.key()))
                    return at + QStringLiteral(": expected absent, got ") + show(a.value(it.key()));
                continue;
            }
            if (!a.contains(it.key()))
                return at + QStringLiteral(": missing, expected ") + show(it.value());
            QString m = jsonMismatch(a.value(it.key()), it.value(), at);
            if (!m.isEmpty())
                return m;
        }
        return {};
    }
    if (expected.isArray()) {
        if (!actual.isArray() || actual.toArray().size() != expected.toArray().size())
            return differ();
        const QJsonArray a = actual.toArray();
        const QJsonArray e = expected.toArray();
        for (qsizetype i = 0; i < e.size(); ++i) {
            QString m = jsonMismatch(a.at(i), e.at(i), where + QStringLiteral("[%1]").arg(i));
            if (!m.isEmpty())
                return m;
        }
        return {};
    }
    if (expected.isDouble()) {
        if (!actual.isDouble())
            return differ();
        const double x = actual.toDouble();
        const double y = expected.toDouble();
        return std::abs(x - y) <= 1e-9 * std::max(1.0, std::abs(y)) ? QString() : differ();
    }
    return actual == expected ? QString() : differ();
}

} // namespace p1::test
