// The Snapshots dock (snapshots_panel.h). Storage and the diff are the model's
// (project_history.h, model_diff.h); this file lists, asks and marks the canvas.
#include "plumbline/ui/snapshots/snapshots_panel.h"

#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/model_diff.h"
#include "plumbline/model_files.h"
#include "plumbline/project_history.h"
#include "plumbline/tuning.h"
#include "plumbline/ui/commands.h"
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/user_dialogs.h"

#include <QDateTime>
#include <QFileInfo>
#include <QGraphicsObject>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>
#include <sstream>

namespace plumb::ui {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// "2026-12-02T14:05:00Z" as the user's local date and time.
QString localTime(const std::string& iso) {
    const QDateTime time = QDateTime::fromString(q(iso), Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : q(iso);
}

plumb::CheckResult checked(const plumb::Model& model) {
    const auto& base = plumb::builtinKnowledge();
    if (!plumb::hasTuning(model) || !plumb::checkTuning(model, base, "").empty())
        return plumb::check(model, base);
    return plumb::check(model, plumb::applyTuning(base, model));
}

QColor markColour(SnapshotsPanel::Mark mark) {
    switch (mark) {
    case SnapshotsPanel::Mark::Added:
        return QColor(0x1E, 0x84, 0x49);
    case SnapshotsPanel::Mark::Changed:
        return QColor(0xCA, 0x6F, 0x1E);
    case SnapshotsPanel::Mark::Removed:
        return QColor(0xC0, 0x39, 0x2B);
    case SnapshotsPanel::Mark::None:
        break;
    }
    return {};
}

// Holds the comparison's marks above the diagram; draws nothing itself.
class MarkLayer : public QGraphicsObject {
public:
    QRectF boundingRect() const override { return {}; }
    void paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*) override {}
};

} // namespace

SnapshotsPanel::SnapshotsPanel(UserDialogs* dialogs, diagram::DiagramScene* scene, QWidget* parent)
    : QWidget(parent), m_dialogs(dialogs), m_scene(scene), m_list(new QTreeWidget(this)),
      m_hint(new QLabel(this)), m_changes(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("Save Snapshot…"), this)),
      m_compare(new QPushButton(tr("Compare"), this)),
      m_compareSaved(new QPushButton(tr("Compare with Saved"), this)),
      m_endCompare(new QPushButton(tr("End Compare"), this)),
      m_restore(new QPushButton(tr("Restore"), this)),
      m_delete(new QPushButton(tr("Delete"), this)) {
    setObjectName(QStringLiteral("snapshotsPanel"));
    m_list->setObjectName(QStringLiteral("snapshotList"));
    m_list->setHeaderLabels({tr("Snapshot"), tr("Saved"), tr("Changes")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setStretchLastSection(true);
    m_hint->setWordWrap(true);
    m_changes->setObjectName(QStringLiteral("snapshotChanges"));
    m_changes->setReadOnly(true);
    m_changes->setPlaceholderText(tr("Compare shows here what changed, with the findings that "
                                     "are new or fixed."));
    m_changes->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_restore->setToolTip(tr("Make the selected snapshot the model (undoable)"));
    m_compare->setToolTip(tr("What changed since the selected snapshot"));
    m_compareSaved->setToolTip(tr("What changed since the file was last saved"));

    // Two buttons a row: the dock shares the narrow left column with the palette.
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_compare, 0, 0);
    buttons->addWidget(m_restore, 0, 1);
    buttons->addWidget(m_endCompare, 1, 0);
    buttons->addWidget(m_delete, 1, 1);
    buttons->addWidget(m_compareSaved, 2, 0, 1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_save);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_changes, 3);

    connect(m_save, &QPushButton::clicked, this, &SnapshotsPanel::saveSnapshotAsked);
    connect(m_compare, &QPushButton::clicked, this, [this] { compareWithSnapshot(currentRow()); });
    connect(m_compareSaved, &QPushButton::clicked, this, [this] { compareWithSaved(); });
    connect(m_endCompare, &QPushButton::clicked, this, &SnapshotsPanel::endCompare);
    connect(m_restore, &QPushButton::clicked, this, [this] { restoreSnapshot(currentRow()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSnapshot(currentRow()); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { refresh(); });
    refresh();
}

SnapshotsPanel::~SnapshotsPanel() = default;

void SnapshotsPanel::setDocument(Document* document) {
    endCompare();
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &Document::filePathChanged, this, [this] { refresh(); });
        // Marks of a comparison would go stale with the next edit: compare again after it.
        connect(document, &Document::changed, this, [this] {
            if (isComparing()) endCompare();
        });
    }
    m_list->clear();
    refresh();
}

int SnapshotsPanel::snapshotCount() const {
    return m_document ? static_cast<int>(m_document->project().history.size()) : 0;
}

int SnapshotsPanel::currentRow() const {
    return m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
}

void SnapshotsPanel::refresh() {
    const bool project = m_document && !m_document->isUntitled() &&
                         plumb::isProjectFileName(m_document->filePath().toStdString());
    const int count = snapshotCount();
    if (m_list->topLevelItemCount() != count && m_document) {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const auto& snapshot : m_document->project().history) {
            auto* item = new QTreeWidgetItem(
                m_list, {q(snapshot.name), localTime(snapshot.savedAt),
                         snapshot.changes.empty() ? tr("first snapshot") : q(snapshot.changes)});
            item->setToolTip(0, q(snapshot.savedAt));
        }
    }
    m_hint->setText(project ? (count == 0 ? tr("No snapshots yet: Save Snapshot keeps the model "
                                               "as it is now in the project file.")
                                          : QString())
                            : tr("Snapshots are kept in a project file: save the model as "
                                 ".plumb (File > Save As) to keep them."));
    m_hint->setVisible(!m_hint->text().isEmpty());
    m_save->setEnabled(m_document != nullptr);
    const bool chosen = currentRow() >= 0;
    m_compare->setEnabled(chosen);
    m_restore->setEnabled(chosen);
    m_delete->setEnabled(chosen && project);
    m_compareSaved->setEnabled(m_document && !m_document->isUntitled());
    m_endCompare->setEnabled(isComparing());
}

void SnapshotsPanel::saveSnapshotAsked() {
    if (!m_document) return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Snapshot"), tr("Name of the snapshot:"),
                              QLineEdit::Normal, tr("Snapshot %1").arg(snapshotCount() + 1), &ok);
    if (ok)
        saveSnapshot(name.trimmed().isEmpty() ? tr("Snapshot %1").arg(snapshotCount() + 1)
                                              : name.trimmed());
}

bool SnapshotsPanel::saveSnapshot(const QString& name) {
    if (!m_document) return false;
    const std::string path = m_document->filePath().toStdString();
    if (m_document->isUntitled() || !plumb::isProjectFileName(path)) {
        m_dialogs->showInformation(this, tr("Save Snapshot"),
                                   tr("Snapshots are kept in a project file. Save the model as "
                                      "a .plumb project first (File > Save As)."));
        return false;
    }
    // A model without a saved layout is kept with the layout the canvas shows: the snapshot
    // records what the user saw, and a later comparison can ghost what was removed in place.
    plumb::Model model = m_document->model();
    if (model.layout.empty() && m_scene && m_scene->document() == m_document) {
        model.layout = m_scene->drawnLayout();
        model.present.layout = !model.layout.empty();
    }
    const auto added = plumb::addSnapshot(path, name.toStdString(), model);
    if (!added.snapshot) {
        m_dialogs->showError(this, tr("Save Snapshot"), tr("The snapshot could not be saved."),
                             added.error ? q(added.error->toString()) : QString());
        return false;
    }
    auto history = m_document->project().history;
    history.push_back(*added.snapshot);
    m_document->setHistory(std::move(history));
    refresh();
    m_list->setCurrentItem(m_list->topLevelItem(m_list->topLevelItemCount() - 1));
    emit message(tr("Snapshot \"%1\" saved").arg(name));
    return true;
}

bool SnapshotsPanel::compareWithSnapshot(int row) {
    if (!m_document || row < 0 || row >= snapshotCount()) return false;
    const auto& snapshot = m_document->project().history[static_cast<std::size_t>(row)];
    const auto read = plumb::snapshotModel(snapshot, m_document->filePath().toStdString());
    if (!read.ok()) {
        m_dialogs->showError(this, tr("Compare"), tr("The snapshot could not be read."),
                             q(read.errors.front().toString()));
        return false;
    }
    return compareWith(*read.model, tr("snapshot \"%1\"").arg(q(snapshot.name)));
}

bool SnapshotsPanel::compareWithSaved() {
    if (!m_document || m_document->isUntitled()) return false;
    return compareWithFile(m_document->filePath());
}

bool SnapshotsPanel::compareWithFile(const QString& path) {
    const auto loaded = plumb::loadAnyModel(path.toStdString(), &plumb::builtinKnowledge());
    if (!loaded.ok()) {
        m_dialogs->showError(this, tr("Compare"),
                             tr("\"%1\" could not be read.").arg(QFileInfo(path).fileName()),
                             q(loaded.errors.front().toString()));
        return false;
    }
    return compareWith(loaded.project->model, QFileInfo(path).fileName());
}

bool SnapshotsPanel::compareWith(const plumb::Model& old, const QString& label) {
    if (!m_document) return false;
    endCompare();
    const plumb::CheckResult before = checked(old), after = checked(m_document->model());
    const plumb::ModelDiff diff = plumb::diffModels({old, before, label.toStdString()},
                                                    {m_document->model(), after, "the open model"});
    std::ostringstream text;
    plumb::writeDiffText(text, diff);
    m_compareText = q(text.str());
    m_changes->setPlainText(m_compareText);
    const auto mark = [this](const std::vector<std::string>& ids, Mark how) {
        for (const auto& id : ids)
            m_marks.emplace_back(q(id), how);
    };
    for (const plumb::CollectionDiff* part : {&diff.elements, &diff.contexts, &diff.flows}) {
        mark(part->added, Mark::Added);
        mark(part->removed, Mark::Removed);
        for (const auto& change : part->changed)
            m_marks.emplace_back(q(change.id), Mark::Changed);
        for (const auto& rename : part->renamed)
            m_marks.emplace_back(q(rename.newId), Mark::Changed);
    }
    markScene(old);
    refresh();
    emit comparisonStarted(label, diff.findings, old);
    emit message(tr("Comparing with %1: %2 added, %3 removed, %4 changed")
                     .arg(label)
                     .arg(diff.addedCount())
                     .arg(diff.removedCount())
                     .arg(diff.changedCount()));
    return true;
}

void SnapshotsPanel::markScene(const plumb::Model& old) {
    if (!m_scene) return;
    auto* layer = new MarkLayer;
    layer->setZValue(1000);
    m_scene->addItem(layer);
    m_layer = layer;
    for (const auto& [id, how] : m_marks) {
        const QColor colour = markColour(how);
        QGraphicsItem* overlay = nullptr;
        if (how == Mark::Removed) {
            // A ghost where it stood in the old layout (nothing when it had no saved place).
            const plumb::LayoutBox* box = old.findLayout(id.toStdString());
            if (!box || !box->x || !box->y) continue;
            auto* ghost = new QGraphicsRectItem(*box->x, *box->y, box->width.value_or(200),
                                                box->height.value_or(72));
            QColor fill = colour;
            fill.setAlpha(40);
            ghost->setBrush(fill);
            ghost->setPen(QPen(colour, 2, Qt::DashLine));
            // Its old name in the ghost, struck through.
            const plumb::Element* gone = old.findElement(id.toStdString());
            const plumb::Context* goneContext = old.findContext(id.toStdString());
            const QString name = gone          ? q(gone->displayName())
                                 : goneContext ? q(goneContext->name.value_or(goneContext->id))
                                               : id;
            auto* label = new QGraphicsSimpleTextItem(name, ghost);
            QFont font = label->font();
            font.setStrikeOut(true);
            label->setFont(font);
            label->setBrush(colour);
            label->setPos(*box->x + 10, *box->y + 8);
            overlay = ghost;
        } else if (auto* flow = m_scene->flowItem(id)) {
            auto* path = new QGraphicsPathItem(flow->sceneTransform().map(flow->shape()));
            QColor fill = colour;
            fill.setAlpha(110);
            path->setBrush(fill);
            path->setPen(Qt::NoPen);
            overlay = path;
        } else if (m_scene->elementItem(id) || m_scene->contextItem(id)) {
            auto* frame = new QGraphicsRectItem(m_scene->boxOf(id).adjusted(-5, -5, 5, 5));
            frame->setPen(QPen(colour, 4));
            frame->setBrush(Qt::NoBrush);
            overlay = frame;
        }
        if (!overlay) continue;
        overlay->setParentItem(layer);
        overlay->setAcceptedMouseButtons(Qt::NoButton);
        overlay->setToolTip(how == Mark::Added     ? tr("Added since the comparison")
                            : how == Mark::Removed ? tr("Removed since the comparison")
                                                   : tr("Changed since the comparison"));
    }
}

void SnapshotsPanel::endCompare() {
    const bool was = isComparing();
    delete m_layer.data(); // null when the scene already deleted it
    m_layer.clear();
    m_marks.clear();
    m_compareText.clear();
    m_changes->clear();
    refresh();
    if (was) emit comparisonEnded();
}

SnapshotsPanel::Mark SnapshotsPanel::markOf(const QString& id) const {
    for (const auto& [marked, how] : m_marks)
        if (marked == id) return how;
    return Mark::None;
}

bool SnapshotsPanel::restoreSnapshot(int row) {
    if (!m_document || row < 0 || row >= snapshotCount()) return false;
    const auto& snapshot = m_document->project().history[static_cast<std::size_t>(row)];
    const auto read = plumb::snapshotModel(snapshot, m_document->filePath().toStdString());
    if (!read.ok()) {
        m_dialogs->showError(this, tr("Restore"), tr("The snapshot could not be read."),
                             q(read.errors.front().toString()));
        return false;
    }
    endCompare();
    m_document->undoStack()->push(new ReplaceModelCommand(
        m_document, *read.model, tr("Restore snapshot \"%1\"").arg(q(snapshot.name))));
    emit message(tr("Restored snapshot \"%1\" (Edit > Undo takes it back)").arg(q(snapshot.name)));
    return true;
}

bool SnapshotsPanel::deleteSnapshot(int row) {
    if (!m_document || row < 0 || row >= snapshotCount()) return false;
    auto history = m_document->project().history;
    const auto id = history[static_cast<std::size_t>(row)].id;
    if (const auto error = plumb::deleteSnapshot(m_document->filePath().toStdString(), id)) {
        m_dialogs->showError(this, tr("Delete Snapshot"), tr("The snapshot could not be deleted."),
                             q(error->toString()));
        return false;
    }
    history.erase(history.begin() + row);
    m_document->setHistory(std::move(history));
    m_list->clear();
    refresh();
    return true;
}

} // namespace plumb::ui
