#pragma once

#include "gcmdecryptor.h"

#include <QString>

#include <optional>

namespace p1 {

/// A key as people give it (--key, --auth-key, p1-monitor): 32 hex digits, or the path of a file
/// holding them (a file keeps the key out of `ps` and out of the serial-starter run script).
/// nullopt with \a error set (translated; it never repeats what was given, which may be a
/// mistyped key) for anything else.
[[nodiscard]] std::optional<AesKey> readAesKey(const QString &keyOrPath, QString *error = nullptr);

} // namespace p1
