#pragma once
// The waive dialog: why the finding is acceptable (required), who accepts it (the system
// account or the remembered name) and until when (six months by default; the checker counts
// the finding again after that date). Used to waive a finding and to edit a waiver.

#include "plumbline/ui/user_dialogs.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace plumb::ui {

class WaiverDialog : public QDialog {
    Q_OBJECT
public:
    WaiverDialog(const QString& findingTitle, const QString& elementName,
                 const WaiverFields& initial, QWidget* parent = nullptr);

    // The fields as entered (reason and author trimmed; a null date when it never expires).
    WaiverFields fields() const;
    bool canAccept() const;

    // Shows the dialog; remembers a changed author in the settings for the next waiver.
    static std::optional<WaiverFields> ask(QWidget* parent, const QString& findingTitle,
                                           const QString& elementName, const WaiverFields& initial);

    QPlainTextEdit* reasonEdit() const { return m_reason; }
    QLineEdit* authorEdit() const { return m_author; }
    QCheckBox* expiresCheck() const { return m_expiresCheck; }
    QDateEdit* expiresEdit() const { return m_expires; }

private:
    void updateOk();

    QPlainTextEdit* m_reason;
    QLineEdit* m_author;
    QCheckBox* m_expiresCheck;
    QDateEdit* m_expires;
    QDialogButtonBox* m_buttons;
};

// Six months from today: a waiver should be looked at again, not forgotten.
QDate defaultWaiverExpiry();

} // namespace plumb::ui
