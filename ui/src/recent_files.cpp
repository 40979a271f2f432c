#include "plumbline/ui/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace plumb::ui {

namespace {

const QString kKey = QStringLiteral("recentFiles");

QString normalised(const QString& path) {
    const QFileInfo info(path);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
}

void store(const QStringList& files) {
    QSettings().setValue(kKey, files);
}

} // namespace

QStringList recentFiles() {
    QStringList files = QSettings().value(kKey).toStringList();
    files.removeAll(QString());
    return files.mid(0, kMaximumRecentFiles);
}

void addRecentFile(const QString& path) {
    const QString file = normalised(path);
    QStringList files = recentFiles();
    files.removeAll(file);
    files.prepend(file);
    store(files.mid(0, kMaximumRecentFiles));
}

void removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.removeAll(normalised(path));
    store(files);
}

} // namespace plumb::ui
