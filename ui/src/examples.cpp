#include "plumbline/ui/examples.h"

#include "plumbline/model_json.h"
#include "plumbline/ui/kind_icons.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace plumb::ui {

namespace {

const QString kPrefix = QStringLiteral(":/examples/");

QByteArray readResource(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QList<BundledExample> bundledExamples() {
    initResources();
    QList<BundledExample> examples;
    const auto names = QDir(kPrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        BundledExample example{name, QFileInfo(name).completeBaseName(), kPrefix + name};
        // The menu shows the model's own name; reading four small files costs a few ms.
        const QByteArray json = readResource(example.resourcePath);
        const auto read = plumb::readModelJson(std::string_view(json.constData(), json.size()),
                                               name.toStdString());
        if (read.ok() && read.model->name && !read.model->name->empty())
            example.title = QString::fromStdString(*read.model->name);
        examples << example;
    }
    return examples;
}

QString defaultExampleFileName() {
    initResources();
    const QString preferred = QStringLiteral("ecommerce-platform.json");
    if (QFile::exists(kPrefix + preferred)) return preferred;
    const auto names = QDir(kPrefix).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    return names.isEmpty() ? QString() : names.first();
}

DocumentLoad loadBundledExample(const QString& fileName) {
    initResources();
    const QString path = kPrefix + fileName;
    if (!QFile::exists(path)) {
        DocumentLoad load;
        load.errors.push_back({fileName.toStdString(), "", "is not a bundled example", {}, {}});
        return load;
    }
    return Document::fromJson(readResource(path), fileName, QFileInfo(fileName).completeBaseName());
}

} // namespace plumb::ui
