#include "plumbline/ui/properties/optional_number_edit.h"

#include <QLineEdit>

namespace plumb::ui {

OptionalNumberEdit::OptionalNumberEdit(const QString& unit, int decimals, QWidget* parent)
    : QDoubleSpinBox(parent), m_unit(unit.isEmpty() ? QString() : QStringLiteral(" ") + unit) {
    setDecimals(decimals);
    setRange(0, 1e15);   // the contract refuses negative numbers; so does the editor
    setMinimumWidth(90); // not as wide as the largest number it could hold
    setKeyboardTracking(false);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    setAccelerated(true);
    lineEdit()->setPlaceholderText(tr("not estimated"));
    setToolTip(tr("Leave empty when not estimated: that is not the same as 0."));
    setNumber(std::nullopt);
    connect(this, &QAbstractSpinBox::editingFinished, this, &OptionalNumberEdit::commit);
}

void OptionalNumberEdit::setNumber(std::optional<double> number) {
    m_committed = number;
    m_unset = !number;
    setValue(number.value_or(0));
    setSuffix(m_unset ? QString() : m_unit); // also redraws the text
}

void OptionalNumberEdit::setMixed(bool mixed) {
    if (mixed) setNumber(std::nullopt);
    lineEdit()->setPlaceholderText(mixed ? tr("mixed") : tr("not estimated"));
}

void OptionalNumberEdit::stepBy(int steps) {
    if (m_unset) {
        m_unset = false;
        setSuffix(m_unit);
        if (steps > 0) --steps; // the first step up from "not estimated" shows 0
    }
    QDoubleSpinBox::stepBy(steps);
    commit();
}

void OptionalNumberEdit::commit() {
    const QString typed = core(lineEdit()->text());
    if (typed.isEmpty()) m_unset = true; // cleared by the user
    setSuffix(m_unset ? QString() : m_unit);
    const std::optional<double> now = number();
    if (now == m_committed) return;
    m_committed = now;
    emit numberEdited(now);
}

QString OptionalNumberEdit::core(const QString& text) const {
    QString result = text;
    if (!suffix().isEmpty() && result.endsWith(suffix()))
        result.chop(suffix().size());
    else if (!m_unit.isEmpty() && result.endsWith(m_unit))
        result.chop(m_unit.size());
    return result.trimmed();
}

QValidator::State OptionalNumberEdit::validate(QString& text, int& pos) const {
    const QString number = core(text);
    if (number.isEmpty()) return QValidator::Acceptable; // "not estimated"
    if (number.contains(QLatin1Char('-'))) return QValidator::Invalid;
    // Validate the number alone, whatever suffix is showing right now.
    QString alone = number + suffix();
    int at = std::min(pos, static_cast<int>(alone.size()));
    return QDoubleSpinBox::validate(alone, at);
}

double OptionalNumberEdit::valueFromText(const QString& text) const {
    const QString number = core(text);
    m_unset = number.isEmpty();
    if (m_unset) return 0;
    return QDoubleSpinBox::valueFromText(number + suffix());
}

QString OptionalNumberEdit::textFromValue(double value) const {
    return m_unset ? QString() : QDoubleSpinBox::textFromValue(value);
}

void OptionalNumberEdit::fixup(QString& input) const {
    if (core(input).isEmpty()) return;
    QDoubleSpinBox::fixup(input);
}

} // namespace plumb::ui
