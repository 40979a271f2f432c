#include "plumbline/ui/findings/waiver_dialog.h"

#include "plumbline/ui/findings/waiver_command.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace plumb::ui {

QDate defaultWaiverExpiry() {
    return QDate::currentDate().addMonths(6);
}

WaiverDialog::WaiverDialog(const QString& findingTitle, const QString& elementName,
                           const WaiverFields& initial, QWidget* parent)
    : QDialog(parent), m_reason(new QPlainTextEdit(this)), m_author(new QLineEdit(this)),
      m_expiresCheck(new QCheckBox(tr("Expires on"), this)), m_expires(new QDateEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("waiverDialog"));
    setWindowTitle(initial.reason.isEmpty() ? tr("Waive Finding") : tr("Edit Waiver"));

    auto* heading = new QLabel(
        QStringLiteral("<b>%1</b><br>%2")
            .arg(findingTitle.toHtmlEscaped(), tr("on %1").arg(elementName.toHtmlEscaped())),
        this);
    heading->setWordWrap(true);
    auto* hint = new QLabel(tr("The waiver is stored in the project. The finding stops counting "
                               "until the expiry date, then counts again."),
                            this);
    hint->setWordWrap(true);

    m_reason->setObjectName(QStringLiteral("waiverReason"));
    m_reason->setPlaceholderText(tr("Why is this acceptable? (required)"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlainText(initial.reason);
    m_reason->setMinimumHeight(90);
    m_author->setObjectName(QStringLiteral("waiverAuthor"));
    m_author->setText(initial.author);
    m_author->setPlaceholderText(tr("Your name"));
    m_expiresCheck->setObjectName(QStringLiteral("waiverExpiresCheck"));
    m_expires->setObjectName(QStringLiteral("waiverExpires"));
    m_expires->setCalendarPopup(true);
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_expiresCheck->setChecked(initial.expires.isValid());
    m_expires->setDate(initial.expires.isValid() ? initial.expires : defaultWaiverExpiry());
    m_expires->setEnabled(initial.expires.isValid());

    auto* expiry = new QHBoxLayout;
    expiry->addWidget(m_expiresCheck);
    expiry->addWidget(m_expires);
    expiry->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Reason:"), m_reason);
    form->addRow(tr("Author:"), m_author);
    form->addRow(tr("Expiry:"), expiry);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(initial.reason.isEmpty() ? tr("Waive") : tr("Save"));

    connect(m_expiresCheck, &QCheckBox::toggled, m_expires, &QWidget::setEnabled);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &WaiverDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, sizeHint().height());
    updateOk();
}

WaiverFields WaiverDialog::fields() const {
    return {m_reason->toPlainText().trimmed(), m_author->text().trimmed(),
            m_expiresCheck->isChecked() ? m_expires->date() : QDate()};
}

bool WaiverDialog::canAccept() const {
    return !m_reason->toPlainText().trimmed().isEmpty();
}

void WaiverDialog::updateOk() {
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canAccept());
}

std::optional<WaiverFields> WaiverDialog::ask(QWidget* parent, const QString& findingTitle,
                                              const QString& elementName,
                                              const WaiverFields& initial) {
    WaiverDialog dialog(findingTitle, elementName, initial, parent);
    if (dialog.exec() != QDialog::Accepted || !dialog.canAccept()) return std::nullopt;
    const WaiverFields result = dialog.fields();
    // A name typed over the system account's is who this user is: use it next time too.
    if (!result.author.isEmpty() && result.author != initial.author &&
        result.author != waiverAuthor())
        QSettings().setValue(kWaiverAuthorSetting, result.author);
    return result;
}

} // namespace plumb::ui
