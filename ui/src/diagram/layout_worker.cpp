#include "plumbline/ui/diagram/layout_worker.h"

#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/document.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QThread>
#include <QToolButton>
#include <QUndoStack>

namespace plumb::ui::diagram {

// Shared by the worker thread and the GUI thread; the thread only writes `boxes`, read once
// the thread has finished.
struct LayoutWorker::Job {
    plumb::Model model;
    AutoLayoutOptions options;
    std::atomic<bool> cancel{false};
    std::vector<plumb::LayoutBox> boxes;
};

LayoutWorker::LayoutWorker(QObject* parent) : QObject(parent) {}

LayoutWorker::~LayoutWorker() {
    if (!m_thread) return;
    m_job->cancel = true;
    m_thread->wait();
    delete m_thread;
}

bool LayoutWorker::start(plumb::Model model, AutoLayoutOptions options) {
    if (m_thread) return false;
    auto job = std::make_shared<Job>();
    job->model = std::move(model);
    job->options = options;
    job->options.cancel = &job->cancel;
    m_job = job;
    m_thread = QThread::create([job] { job->boxes = autoLayout(job->model, job->options); });
    m_thread->setObjectName(QStringLiteral("plumbline-layout"));
    // Queued: `finished` is emitted in the worker thread, this object lives in the GUI thread.
    connect(m_thread, &QThread::finished, this, [this, job] {
        m_thread->deleteLater();
        m_thread = nullptr;
        if (m_job == job) m_job.reset();
        if (job->cancel)
            emit cancelled();
        else
            emit finished(job->boxes);
    });
    m_thread->start(QThread::LowPriority);
    return true;
}

void LayoutWorker::cancel() {
    if (m_job) m_job->cancel = true;
}

LayoutController::LayoutController(DiagramView* view, QStatusBar* status, QWidget* window)
    : QObject(window), m_view(view), m_status(status), m_worker(new LayoutWorker(this)),
      m_busy(new QWidget(status)), m_cancelAction(new QAction(tr("Cancel Auto-layout"), window)) {
    auto* layout = new QHBoxLayout(m_busy);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QProgressBar(m_busy);
    bar->setRange(0, 0); // busy: dot gives no progress to report
    bar->setTextVisible(false);
    bar->setFixedSize(90, 12);
    layout->addWidget(new QLabel(tr("Laying out…"), m_busy));
    layout->addWidget(bar);
    auto* cancelButton = new QToolButton(m_busy);
    cancelButton->setDefaultAction(m_cancelAction);
    cancelButton->setAutoRaise(true);
    layout->addWidget(cancelButton);
    m_busy->setObjectName(QStringLiteral("autoLayoutProgress"));
    m_busy->hide();
    status->addPermanentWidget(m_busy);

    m_cancelAction->setObjectName(QStringLiteral("actionCancelAutoLayout"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WindowShortcut);
    m_cancelAction->setToolTip(tr("Cancel Auto-layout (Esc)"));
    m_cancelAction->setEnabled(false); // Esc keeps its other meanings while nothing runs
    window->addAction(m_cancelAction);
    connect(m_cancelAction, &QAction::triggered, this, &LayoutController::cancel);

    connect(m_worker, &LayoutWorker::finished, this,
            [this](const std::vector<plumb::LayoutBox>& boxes) { finish(&boxes); });
    connect(m_worker, &LayoutWorker::cancelled, this, [this] { finish(nullptr); });
}

void LayoutController::start() {
    Document* document = m_view->diagramScene()->document();
    if (!document || m_worker->isRunning()) return;
    const plumb::Model& model = document->model();
    if (model.elements.empty() && model.contexts.empty()) return;
    m_document = document;
    m_stale = false;
    connect(document, &Document::changed, this, [this] { m_stale = true; });
    m_worker->start(model);
    showBusy(true);
}

void LayoutController::cancel() {
    m_worker->cancel();
}

void LayoutController::finish(const std::vector<plumb::LayoutBox>* boxes) {
    showBusy(false);
    if (m_document) disconnect(m_document, &Document::changed, this, nullptr);
    Document* current = m_view->diagramScene()->document();
    if (!boxes) {
        m_status->showMessage(tr("Auto-layout cancelled"), 4000);
    } else if (m_stale || !m_document || m_document != current) {
        m_status->showMessage(tr("Auto-layout dropped: the model changed while it ran"), 6000);
    } else if (!boxes->empty()) {
        current->undoStack()->push(new ReplaceLayoutCommand(current, *boxes));
        m_view->zoomToFit();
        emit done(true);
        return;
    }
    emit done(false);
}

void LayoutController::showBusy(bool busy) {
    m_busy->setVisible(busy);
    m_cancelAction->setEnabled(busy);
    if (busy) m_status->clearMessage();
}

} // namespace plumb::ui::diagram
