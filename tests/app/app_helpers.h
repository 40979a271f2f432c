#pragma once
// Runs the built `plumbline` executable, as CI pipelines and scripts do.

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace testing {

struct Run {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

Run runPlumbline(const QStringList& args,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                 int timeoutMs = 60000);
QString examplePath(const QString& fileName);
QString dataPath(const QString& relative);

} // namespace testing
