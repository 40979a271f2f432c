#include "plumbline/ui/model_properties_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace plumb::ui {

namespace {

QString shown(const plumb::Text& text) {
    return text ? QString::fromStdString(*text) : QString();
}

// Keeps the original value when the text was not changed, so opening the dialog and pressing
// OK never turns an absent field into "" (or the reverse).
plumb::Text edited(const plumb::Text& original, const QString& text) {
    if (text == shown(original)) return original;
    if (text.trimmed().isEmpty()) return std::nullopt;
    return text.toStdString();
}

} // namespace

ModelPropertiesDialog::ModelPropertiesDialog(const ModelProperties& current, QWidget* parent)
    : QDialog(parent), m_original(current), m_name(new QLineEdit(shown(current.name), this)),
      m_description(new QPlainTextEdit(shown(current.description), this)) {
    setWindowTitle(tr("Model Properties"));
    m_name->setPlaceholderText(tr("e.g. Checkout platform"));
    m_description->setPlaceholderText(tr("What the system does and what matters about it"));
    m_description->setTabChangesFocus(true);
    m_description->setMinimumHeight(fontMetrics().lineSpacing() * 5);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

ModelProperties ModelPropertiesDialog::properties() const {
    return {edited(m_original.name, m_name->text()),
            edited(m_original.description, m_description->toPlainText())};
}

} // namespace plumb::ui
