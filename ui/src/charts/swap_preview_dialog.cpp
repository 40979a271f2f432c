#include "plumbline/ui/charts/swap_preview_dialog.h"

#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/severity_style.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <set>

namespace plumb::ui::charts {
namespace {

enum class Change { Fixed, Added, Kept };

QString technologyName(const plumb::KnowledgeBase& knowledge, const std::string& id) {
    if (id.empty()) return QObject::tr("no technology");
    const auto* t = knowledge.technology(id);
    return QString::fromStdString(t ? t->name : id);
}

QString counts(const std::vector<plumb::Finding>& findings) {
    int errors = 0, warnings = 0, infos = 0;
    for (const auto& f : findings) {
        if (f.waived) continue;
        if (f.severity == plumb::Severity::Error) ++errors;
        if (f.severity == plumb::Severity::Warning) ++warnings;
        if (f.severity == plumb::Severity::Info) ++infos;
    }
    return QObject::tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
           QObject::tr("%n warning(s)", nullptr, warnings) + QStringLiteral(", ") +
           QObject::tr("%n info", nullptr, infos);
}

bool contains(const std::vector<plumb::Finding>& list, const plumb::Finding& f) {
    for (const auto& g : list)
        if (g.rule == f.rule && g.element == f.element) return true;
    return false;
}

void fill(QListWidget* list, const std::vector<plumb::Finding>& findings,
          const std::vector<plumb::Finding>& marked, Change mark) {
    list->clear();
    for (const auto& f : findings) {
        const bool changed = contains(marked, f);
        QString text = QStringLiteral("%1 — %2").arg(
            QString::fromStdString(f.element.empty() ? "model" : f.element),
            QString::fromStdString(f.title));
        if (f.waived) text += QObject::tr("  (waived)");
        if (changed)
            text.prepend(mark == Change::Fixed ? QObject::tr("fixed: ") : QObject::tr("new: "));
        auto* item = new QListWidgetItem(severityIcon(f.severity), text, list);
        item->setToolTip(QString::fromStdString(f.message));
        item->setData(Qt::UserRole, static_cast<int>(changed ? mark : Change::Kept));
        if (changed) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setForeground(mark == Change::Fixed ? QColor(0x1e, 0x84, 0x49)
                                                      : QColor(0xc0, 0x39, 0x2b));
        }
    }
    if (findings.empty()) new QListWidgetItem(QObject::tr("No findings"), list);
}

} // namespace

SwapPreviewDialog::SwapPreviewDialog(Document* document, const plumb::KnowledgeBase& knowledge,
                                     plumb::SwapComparison comparison, double scale,
                                     QWidget* parent)
    : QDialog(parent), m_document(document), m_knowledge(knowledge),
      m_comparison(std::move(comparison)), m_scale(scale), m_summary(new QLabel(this)),
      m_before(new QListWidget(this)), m_after(new QListWidget(this)) {
    const QString from = technologyName(knowledge, m_comparison.from);
    const QString to = technologyName(knowledge, m_comparison.to);
    const QString element = QString::fromStdString(m_comparison.element);
    setWindowTitle(tr("Try %1 for %2").arg(to, element));
    m_summary->setWordWrap(true);
    m_summary->setText(summary());
    for (QListWidget* list : {m_before, m_after}) {
        list->setWordWrap(true); // titles are sentences; a scroll bar would hide their end
        list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        list->setSelectionMode(QAbstractItemView::NoSelection);
    }
    fill(m_before, m_comparison.before, m_comparison.fixed, Change::Fixed);
    fill(m_after, m_comparison.after, m_comparison.added, Change::Added);

    auto* buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("Keep %1").arg(to), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("Discard"), QDialogButtonBox::RejectRole);
    m_discard->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QGridLayout(this);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    layout->addWidget(
        new QLabel(
            tr("<b>Now, on %1</b> — %2").arg(from.toHtmlEscaped(), counts(m_comparison.before)),
            this),
        1, 0);
    layout->addWidget(
        new QLabel(tr("<b>With %1</b> — %2").arg(to.toHtmlEscaped(), counts(m_comparison.after)),
                   this),
        1, 1);
    layout->addWidget(m_before, 2, 0);
    layout->addWidget(m_after, 2, 1);
    layout->addWidget(buttons, 3, 0, 1, 2);
    resize(900, 420);
}

QString SwapPreviewDialog::summary() const {
    const QString to = technologyName(m_knowledge, m_comparison.to);
    return tr("On %1, %2 would fix %n finding(s)", nullptr,
              static_cast<int>(m_comparison.fixed.size()))
               .arg(to, QString::fromStdString(m_comparison.element)) +
           tr(" and raise %n new one(s)", nullptr, static_cast<int>(m_comparison.added.size())) +
           tr("; %n stay.", nullptr, static_cast<int>(m_comparison.kept.size())) +
           (m_scale != 1 ? tr(" Both sides are checked at the what-if load x%1.").arg(m_scale)
                         : QString());
}

void SwapPreviewDialog::accept() {
    if (m_document && m_comparison.problem.empty()) {
        if (const auto* e = m_comparison.swapped.findElement(m_comparison.element)) {
            if (m_document->model().findElement(m_comparison.element))
                m_document->undoStack()->push(new diagram::SetElementCommand(
                    m_document, *e,
                    tr("Switch %1 to %2")
                        .arg(QString::fromStdString(m_comparison.element),
                             technologyName(m_knowledge, m_comparison.to))));
        }
    }
    QDialog::accept();
}

} // namespace plumb::ui::charts
