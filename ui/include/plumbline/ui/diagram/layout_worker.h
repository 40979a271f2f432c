#pragma once
// Auto-layout without freezing the window. LayoutWorker runs autoLayout on a model copy in a
// thread of its own, one job at a time, and can be cancelled. LayoutController is Arrange >
// Auto-layout: a busy indicator with Cancel (Esc) in the status bar, and the result applied as
// one undo step, or dropped when the user cancelled or the model changed while it ran.

#include "plumbline/ui/diagram/auto_layout.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <vector>

class QAction;
class QStatusBar;
class QThread;
class QWidget;

namespace plumb::ui {
class Document;
}

namespace plumb::ui::diagram {

class DiagramView;

class LayoutWorker : public QObject {
    Q_OBJECT
public:
    explicit LayoutWorker(QObject* parent = nullptr);
    ~LayoutWorker() override; // cancels a running job and waits for it

    bool isRunning() const { return m_thread != nullptr; }
    // Starts laying out `model`; false (and nothing started) when a job is running.
    bool start(plumb::Model model, AutoLayoutOptions options = {});
    // The running job stops at its next check; `cancelled` follows, `finished` does not.
    void cancel();

signals:
    void finished(const std::vector<plumb::LayoutBox>& boxes);
    void cancelled();

private:
    struct Job;
    std::shared_ptr<Job> m_job;
    QThread* m_thread = nullptr;
};

class LayoutController : public QObject {
    Q_OBJECT
public:
    // Shows its progress in `status`; Esc in `window` cancels.
    LayoutController(DiagramView* view, QStatusBar* status, QWidget* window);

    bool isRunning() const { return m_worker->isRunning(); }
    LayoutWorker* worker() const { return m_worker; }

public slots:
    // Lays out the view's document; does nothing while a layout runs or without a document.
    void start();
    void cancel();

signals:
    // After a layout ends: applied (true) or dropped (false).
    void done(bool applied);

private:
    void finish(const std::vector<plumb::LayoutBox>* boxes);
    void showBusy(bool busy);

    DiagramView* m_view;
    QStatusBar* m_status;
    LayoutWorker* m_worker;
    QWidget* m_busy;
    QAction* m_cancelAction;
    QPointer<Document> m_document; // the document being laid out
    bool m_stale = false;          // it changed while the layout ran
};

} // namespace plumb::ui::diagram
