#pragma once
// File > Open Recent, kept in QSettings ("recentFiles"), most recent first.

#include <QString>
#include <QStringList>

namespace plumb::ui {

constexpr int kMaximumRecentFiles = 10;

QStringList recentFiles();
// Moves `path` (made absolute) to the front, dropping duplicates and the oldest beyond the limit.
void addRecentFile(const QString& path);
void removeRecentFile(const QString& path);

} // namespace plumb::ui
