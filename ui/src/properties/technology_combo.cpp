#include "plumbline/ui/properties/technology_combo.h"

#include "plumbline/knowledge.h"
#include "plumbline/technology_resolver.h"

#include <QCompleter>
#include <QLineEdit>
#include <QStandardItemModel>
#include <map>

namespace plumb::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
} // namespace

TechnologyCombo::TechnologyCombo(QWidget* parent) : QComboBox(parent) {
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(18);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(14);
    populate();
    completer()->setFilterMode(Qt::MatchContains);
    completer()->setCaseSensitivity(Qt::CaseInsensitive);
    completer()->setCompletionMode(QCompleter::PopupCompletion);
    lineEdit()->setPlaceholderText(tr("type to search…"));
    connect(this, &QComboBox::activated, this, [this](int index) {
        const QVariant id = itemData(index, kIdRole);
        if (!id.isValid()) return; // a category heading
        emit technologyChosen(id.toString());
    });
    // A name the resolver knows ("Postgres 15", "Amazon RDS for MySQL") chooses its
    // technology; text that names no technology goes back to what was chosen.
    connect(lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (m_mixed && currentText().isEmpty()) return; // left mixed: nothing chosen
        const int index = findText(currentText(), Qt::MatchFixedString);
        if (index < 0 || !itemData(index, kIdRole).isValid()) {
            const auto resolved = plumb::resolveTechnology(plumb::builtinKnowledge(),
                                                           currentText().trimmed().toStdString());
            const QString id =
                resolved.technology ? QString::fromStdString(resolved.technology->id) : QString();
            if (!id.isEmpty() && id != technology())
                emit technologyChosen(id);
            else
                setTechnology(technology());
        } else if (itemData(index, kIdRole).toString() != technology())
            emit technologyChosen(itemData(index, kIdRole).toString());
    });
}

void TechnologyCombo::populate() {
    auto* model = new QStandardItemModel(this);
    auto* none = new QStandardItem(tr("(none)"));
    none->setData(QString(), kIdRole);
    model->appendRow(none);
    std::map<std::string, std::vector<const plumb::Technology*>> byCategory;
    for (const auto& technology : plumb::builtinKnowledge().technologies)
        byCategory[technology.category].push_back(&technology);
    for (auto& [category, technologies] : byCategory) {
        std::sort(technologies.begin(), technologies.end(),
                  [](auto* a, auto* b) { return a->name < b->name; });
        auto* heading = new QStandardItem(QString::fromStdString(category).toUpper());
        heading->setFlags(Qt::NoItemFlags); // not selectable: only a heading
        QFont font = heading->font();
        font.setBold(true);
        font.setPointSizeF(font.pointSizeF() * 0.85);
        heading->setFont(font);
        model->appendRow(heading);
        for (const auto* technology : technologies) {
            auto* item = new QStandardItem(QString::fromStdString(technology->name));
            item->setData(QString::fromStdString(technology->id), kIdRole);
            item->setToolTip(QString::fromStdString(technology->id));
            model->appendRow(item);
        }
    }
    setModel(model);
}

QString TechnologyCombo::technology() const {
    return currentData(kIdRole).toString();
}

void TechnologyCombo::setMixed() {
    const QSignalBlocker blocker(this);
    m_mixed = true;
    setCurrentIndex(-1);
    lineEdit()->clear();
    lineEdit()->setPlaceholderText(tr("mixed"));
}

void TechnologyCombo::setTechnology(const QString& id) {
    const QSignalBlocker blocker(this);
    if (m_mixed) {
        m_mixed = false;
        lineEdit()->setPlaceholderText(tr("type to search…"));
    }
    for (int row = 0; row < count(); ++row) {
        const QVariant data = itemData(row, kIdRole);
        if (data.isValid() && data.toString() == id) {
            setCurrentIndex(row);
            return;
        }
    }
    // A name the knowledge base reads as one of its technologies, or unknown: keep it, visibly.
    auto* model = static_cast<QStandardItemModel*>(this->model());
    const auto resolved = plumb::resolveTechnology(plumb::builtinKnowledge(), id.toStdString());
    auto* item = new QStandardItem(
        resolved.technology
            ? tr("%1 (read as %2)").arg(id, QString::fromStdString(resolved.technology->name))
            : tr("%1 (not in the knowledge base)").arg(id));
    item->setData(id, kIdRole);
    model->insertRow(1, item);
    setCurrentIndex(1);
}

} // namespace plumb::ui
