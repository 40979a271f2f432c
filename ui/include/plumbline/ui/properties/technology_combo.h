#pragma once
// Chooses a technology from the knowledge base: grouped by category, searchable by typing
// any part of the name or id. "(none)" clears it; an id the knowledge base does not know is
// kept and shown as such rather than dropped.

#include <QComboBox>

namespace plumb::ui {

class TechnologyCombo : public QComboBox {
    Q_OBJECT
public:
    explicit TechnologyCombo(QWidget* parent = nullptr);

    // Empty = none.
    QString technology() const;
    void setTechnology(const QString& id);
    // Several elements with different technologies: shows empty with "mixed" as placeholder.
    void setMixed();

signals:
    void technologyChosen(const QString& id);

private:
    void populate();
    int m_firstTechnologyRow = 0;
    bool m_mixed = false;
};

} // namespace plumb::ui
