#pragma once
// A spin box for the contract's optional numbers: empty means "not estimated", which is not
// 0. Never negative (a '-' is refused as it is typed). Emits numberEdited once per confirmed
// change (Enter, focus out, a step), so each edit is one undo step.

#include <QDoubleSpinBox>
#include <optional>

namespace plumb::ui {

class OptionalNumberEdit : public QDoubleSpinBox {
    Q_OBJECT
public:
    // `unit` is shown after the number ("GB", "writes/s"); `decimals` 0 for counts.
    explicit OptionalNumberEdit(const QString& unit = {}, int decimals = 2,
                                QWidget* parent = nullptr);

    std::optional<double> number() const { return m_unset ? std::nullopt : std::optional(value()); }
    void setNumber(std::optional<double> number);
    // Several objects are edited and their values differ: shows empty with "mixed" as the
    // placeholder. Any number confirmed then is set on all of them.
    void setMixed(bool mixed);

    void stepBy(int steps) override;

signals:
    void numberEdited(std::optional<double> number);

protected:
    QValidator::State validate(QString& text, int& pos) const override;
    double valueFromText(const QString& text) const override;
    QString textFromValue(double value) const override;
    void fixup(QString& input) const override;

private:
    QString core(const QString& text) const;
    void commit();

    QString m_unit;
    mutable bool m_unset = true; // set by valueFromText while Qt interprets what was typed
    std::optional<double> m_committed;
};

} // namespace plumb::ui
