#pragma once
// Edit > Model Properties: the model's name and description.

#include "plumbline/ui/document.h"

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace plumb::ui {

class ModelPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ModelPropertiesDialog(const ModelProperties& current, QWidget* parent = nullptr);

    // The edited values; a field left as it was keeps its original (possibly absent) value,
    // and a field cleared becomes absent rather than "".
    ModelProperties properties() const;

private:
    ModelProperties m_original;
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
};

} // namespace plumb::ui
