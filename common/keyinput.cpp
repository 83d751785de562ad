#include "keyinput.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace p1 {

std::optional<AesKey> readAesKey(const QString &keyOrPath, QString *error)
{
    if (std::optional<AesKey> key = parseAesKey(keyOrPath.toStdString()))
        return key;
    const QFileInfo info(keyOrPath);
    if (!keyOrPath.isEmpty() && info.isFile()) {
        QFile file(keyOrPath);
        // A key file holds 32 digits and a line end: anything much longer is not one.
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("p1::KeyInput", "cannot read %1: %2")
                             .arg(keyOrPath, file.errorString());
            return std::nullopt;
        }
        const QByteArray text = file.read(256);
        if (std::optional<AesKey> key =
                parseAesKey(std::string_view(text.constData(), std::size_t(text.size()))))
            return key;
        if (error)
            *error = QCoreApplication::translate(
                "p1::KeyInput", "%1 does not hold a key (32 hex digits)")
                         .arg(keyOrPath);
        return std::nullopt;
    }
    if (error)
        *error = QCoreApplication::translate(
            "p1::KeyInput", "not 32 hex digits, nor a file holding them");
    return std::nullopt;
}

} // namespace p1
