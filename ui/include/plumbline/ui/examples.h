#pragma once
// The example models bundled in the binary (resources/examples, prefix /examples).

#include "plumbline/ui/document.h"

#include <QList>
#include <QString>

namespace plumb::ui {

struct BundledExample {
    QString fileName;     // "ecommerce-platform.json"
    QString title;        // the model's name, "E-commerce platform", or the base name
    QString resourcePath; // ":/examples/ecommerce-platform.json"
};

QList<BundledExample> bundledExamples();
// The example shown when there is nothing else to open (ecommerce-platform when bundled).
QString defaultExampleFileName();
// Loads an example as an untitled document named after it ("ecommerce-platform").
DocumentLoad loadBundledExample(const QString& fileName);

} // namespace plumb::ui
