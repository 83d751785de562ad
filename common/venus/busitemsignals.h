#pragma once

#include "busitemtree.h"

#include <QDBusConnection>
#include <QList>

namespace p1 {

/// Sends ItemsChanged(a{sa{sv}}) on "/" for \a changes, and with \a propertiesChanged a
/// PropertiesChanged(a{sv}) on each changed path, built with libdbus and sent from the calling
/// thread on \a bus's own DBusConnection (BusItemExport says why). Returns false, having sent
/// nothing, when the bus is not connected or a message cannot be built here (a value type
/// libdbus is not given, an invalid path, no memory): the caller sends through QtDBus then.
[[nodiscard]] bool sendBusItemSignals(
    const QDBusConnection &bus, const QList<BusItemChange> &changes, bool propertiesChanged);

} // namespace p1
