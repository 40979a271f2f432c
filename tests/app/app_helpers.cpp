#include "app_helpers.h"

#include <QProcess>

namespace testing {

Run runPlumbline(const QStringList& args, const QProcessEnvironment& env, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(PLUMBLINE_EXECUTABLE), args);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.crashed = true;
        return run;
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString examplePath(const QString& fileName) {
    return QStringLiteral(PLUMBLINE_SOURCE_DIR) + "/resources/examples/" + fileName;
}

QString dataPath(const QString& relative) {
    return QStringLiteral(PLUMBLINE_TEST_DATA) + "/" + relative;
}

} // namespace testing
