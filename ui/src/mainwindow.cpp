#include "plumbline/ui/mainwindow.h"

#include "plumbline/model_files.h"
#include "plumbline/ui/charts/charts_panel.h"
#include "plumbline/ui/commands.h"
#include "plumbline/ui/diagram/diagram_export.h"
#include "plumbline/ui/diagram/diagram_scene.h"
#include "plumbline/ui/diagram/diagram_view.h"
#include "plumbline/ui/diagram/layout_worker.h"
#include "plumbline/ui/diagram/minimap.h"
#include "plumbline/ui/diagram/palette.h"
#include "plumbline/ui/display_text.h"
#include "plumbline/ui/document_tree_view.h"
#include "plumbline/ui/edit_actions.h"
#include "plumbline/ui/examples.h"
#include "plumbline/ui/findings/finding_badges.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/findings/findings_status.h"
#include "plumbline/ui/import_dialog.h"
#include "plumbline/ui/kind_icons.h"
#include "plumbline/ui/model_overview.h"
#include "plumbline/ui/properties/property_editor.h"
#include "plumbline/ui/recent_files.h"
#include "plumbline/ui/recovery.h"
#include "plumbline/ui/report/report_file.h"
#include "plumbline/ui/snapshots/snapshots_panel.h"
#include "plumbline/ui/theme.h"
#include "plumbline/ui/what_if_text.h"
#include "plumbline/version.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLockFile>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoView>

namespace plumb::ui {

namespace {

const QString kOpenFilter = QObject::tr("Plumbline files (*.plumb *.json);;Plumbline projects "
                                        "(*.plumb);;Model JSON (*.json);;All files (*)");
const QString kSaveFilter = QObject::tr("Plumbline project (*.plumb);;Model JSON (*.json)");
const QString kJsonFilter = QObject::tr("Model JSON (*.json);;All files (*)");
const QString kDiagramFilter = QObject::tr("SVG image (*.svg);;PNG image (*.png)");
const QString kReportFilter =
    QObject::tr("HTML report (*.html);;PDF report (*.pdf);;Markdown report (*.md)");

// A file name typed without a suffix gets the format's one.
QString withSuffix(const QString& path, const QString& suffix) {
    return QFileInfo(path).suffix().isEmpty() ? path + '.' + suffix : path;
}

} // namespace

MainWindow::MainWindow(std::unique_ptr<UserDialogs> dialogs, QWidget* parent)
    : QMainWindow(parent),
      m_dialogs(dialogs ? std::move(dialogs) : std::make_unique<QtUserDialogs>()),
      m_undoGroup(new QUndoGroup(this)), m_overview(new ModelOverview(this)),
      m_scene(new diagram::DiagramScene(this)), m_view(new diagram::DiagramView(m_scene, this)) {
    initResources();
    setWindowIcon(applicationIcon());
    // The diagram is the main view; the summary and the full tree live in the Overview dock.
    setCentralWidget(m_view);
    connect(m_overview, &ModelOverview::openRequested, this, [this] {
        const QString path =
            m_dialogs->askOpenFileName(this, tr("Open"), startDirectory(), kOpenFilter);
        if (!path.isEmpty()) openFile(path);
    });
    connect(m_overview, &ModelOverview::openExampleRequested, this,
            [this] { openExample(defaultExampleFileName()); });
    createActions();
    createDocks();
    createFindings();
    createTradeoffViews();
    createAutosave();
    createMenus();
    createDiagramContextMenu();
    statusBar();
    setDocument(std::make_unique<Document>(plumb::Project{}));
    resize(1280, 800);
    restoreWindowSettings(); // mainwindow_layout.cpp
}

MainWindow::~MainWindow() = default;

ModelTreeModel* MainWindow::treeModel() const {
    return m_overview->treeModel();
}

void MainWindow::createActions() {
    // The actions are created with their menus (createMenus); undo and redo come from the
    // group so they always act on the open document's stack.
    auto* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcuts(QKeySequence::Undo);
    auto* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    // Ctrl+Y as well as the platform's Redo (Ctrl+Shift+Z on Linux): users from Windows
    // tools expect it, and nothing else in the app uses Ctrl+Y.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Y)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Y));
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.append(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redo->setShortcuts(redoKeys);
    addAction(undo);
    addAction(redo);
}

void MainWindow::createDocks() {
    m_outline = new DocumentTreeView(m_overview->treeModel(), this);
    m_outline->setObjectName(QStringLiteral("modelOutline"));
    m_outline->setHeaderHidden(true);
    for (int column = 1; column < m_overview->treeModel()->columnCount(); ++column)
        m_outline->setColumnHidden(column, true);
    m_modelDock = new QDockWidget(tr("Model"), this);
    m_modelDock->setObjectName(QStringLiteral("modelDock"));
    m_modelDock->setWidget(m_outline);
    addDockWidget(Qt::LeftDockWidgetArea, m_modelDock);

    m_palette = new diagram::Palette(this);
    m_paletteDock = new QDockWidget(tr("Palette"), this);
    m_paletteDock->setObjectName(QStringLiteral("paletteDock"));
    m_paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);
    splitDockWidget(m_paletteDock, m_modelDock, Qt::Vertical);
    connect(m_palette, &diagram::Palette::placementRequested, m_view,
            &diagram::DiagramView::setPlacement);
    connect(m_view, &diagram::DiagramView::placementChanged, this, [this](const QString& entry) {
        if (entry.isEmpty())
            m_palette->clearSelection();
        else
            statusBar()->showMessage(tr("Click on the canvas to place it (Esc cancels)"), 4000);
    });

    m_properties = new PropertyEditor(this);
    m_propertiesDock = new QDockWidget(tr("Properties"), this);
    m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    m_propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    m_overviewDock = new QDockWidget(tr("Overview"), this);
    m_overviewDock->setObjectName(QStringLiteral("overviewDock"));
    // Scrolled: the overview's one-line kind summary would otherwise set the dock's width.
    auto* overviewScroll = new QScrollArea(this);
    overviewScroll->setWidget(m_overview);
    overviewScroll->setWidgetResizable(true);
    overviewScroll->setFrameShape(QFrame::NoFrame);
    m_overviewDock->setWidget(overviewScroll);
    addDockWidget(Qt::RightDockWidgetArea, m_overviewDock);
    tabifyDockWidget(m_propertiesDock, m_overviewDock);

    auto* history = new QUndoView(m_undoGroup, this);
    history->setObjectName(QStringLiteral("undoHistory"));
    history->setEmptyLabel(tr("<initial state>"));
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(history);
    // Under the model dock rather than on the right: the tree's Details column needs the width.
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);
    splitDockWidget(m_modelDock, m_historyDock, Qt::Vertical);

    // The map of the whole diagram ("Overview" is the model summary's dock).
    auto* map = new diagram::MiniMap(m_view, this);
    connect(Theme::instance(), &Theme::changed, map, &diagram::MiniMap::scheduleRefresh);
    auto* mapDock = new QDockWidget(tr("Map"), this);
    mapDock->setObjectName(QStringLiteral("mapDock"));
    mapDock->setWidget(map);
    addDockWidget(Qt::LeftDockWidgetArea, mapDock);
}

void MainWindow::createMenus() {
    const auto add = [this](QMenu* menu, const QString& name, const QString& text,
                            QKeySequence shortcut, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        action->setObjectName(name);
        action->setShortcut(shortcut);
        return action;
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, "actionNew", tr("&New"), QKeySequence::New, [this] { newDocument(); });
    add(file, "actionOpen", tr("&Open…"), QKeySequence::Open, [this] {
        const QString path =
            m_dialogs->askOpenFileName(this, tr("Open"), startDirectory(), kOpenFilter);
        if (!path.isEmpty()) openFile(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    m_exampleMenu = file->addMenu(tr("Open E&xample"));
    m_exampleMenu->setObjectName(QStringLiteral("menuExamples"));
    file->addSeparator();
    add(file, "actionSave", tr("&Save"), QKeySequence::Save, [this] { save(); });
    add(file, "actionSaveAs", tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(); });
    createSnapshots(file); // Save Snapshot...
    file->addSeparator();
    add(file, "actionImportJson", tr("&Import JSON…"), {}, [this] {
        const QString path =
            m_dialogs->askOpenFileName(this, tr("Import JSON"), startDirectory(), kJsonFilter);
        if (!path.isEmpty()) importJson(path);
    });
    add(file, "actionImport", tr("Im&port…"), {}, [this] {
        if (auto doc = importOtherFormat(this, *m_dialogs, startDirectory()); doc && maybeSave())
            setDocument(std::move(doc));
    });
    add(file, "actionExportJson", tr("&Export JSON…"), {}, [this] { exportJson(); });
    add(file, "actionExportDiagram", tr("Export &Diagram…"), QKeySequence(tr("Ctrl+Shift+E")),
        [this] { exportDiagram(); });
    add(file, "actionExportReport", tr("Export &Report…"), QKeySequence(tr("Ctrl+Shift+R")),
        [this] { exportReport(); });
    file->addSeparator();
    add(file, "actionQuit", tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(findChild<QAction*>(QStringLiteral("actionUndo")));
    edit->addAction(findChild<QAction*>(QStringLiteral("actionRedo")));
    edit->addSeparator();
    installClipboardActions(edit, m_view, statusBar()); // Cut, Copy, Paste, Duplicate
    QAction* remove = add(edit, "actionDelete", tr("&Delete"), QKeySequence::Delete,
                          [this] { m_scene->deleteSelection(); });
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(remove);
    add(edit, "actionSelectAll", tr("Select &All"), QKeySequence::SelectAll, [this] {
        QStringList ids;
        for (const auto& context : m_document->model().contexts)
            ids << QString::fromStdString(context.id);
        for (const auto& element : m_document->model().elements)
            ids << QString::fromStdString(element.id);
        m_document->setSelection(ids);
    });
    edit->addSeparator();
    add(edit, "actionModelProperties", tr("&Model Properties…"), {},
        [this] { editModelProperties(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    add(view, "actionZoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, [this] { m_view->zoomIn(); });
    add(view, "actionZoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut,
        [this] { m_view->zoomOut(); });
    add(view, "actionZoomFit", tr("&Fit Diagram"), QKeySequence(tr("Ctrl+0")),
        [this] { m_view->zoomToFit(); });
    add(view, "actionZoomActual", tr("&Actual Size"), QKeySequence(tr("Ctrl+1")),
        [this] { m_view->zoomToActualSize(); });
    view->addSeparator();
    QAction* snap = add(view, "actionSnapToGrid", tr("&Snap to Grid"), {},
                        [this](bool on) { m_scene->setSnapToGrid(on); });
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    QAction* orthogonal = add(view, "actionOrthogonalFlows", tr("&Orthogonal Connectors"), {},
                              [this](bool on) { m_scene->setOrthogonalFlows(on); });
    orthogonal->setCheckable(true);
    orthogonal->setChecked(true);
    Theme::instance()->addMenu(view);
    view->addSeparator();
    view->addAction(m_paletteDock->toggleViewAction());
    view->addAction(m_modelDock->toggleViewAction());
    view->addAction(m_propertiesDock->toggleViewAction());
    view->addAction(m_overviewDock->toggleViewAction());
    view->addAction(m_historyDock->toggleViewAction());
    if (auto* mapDock = findChild<QDockWidget*>(QStringLiteral("mapDock")))
        view->addAction(mapDock->toggleViewAction());
    view->addAction(m_findingsDock->toggleViewAction());
    view->addAction(m_chartsDock->toggleViewAction());
    view->addAction(m_catalogueDock->toggleViewAction());
    addLayoutActions(view);
    view->addSeparator();
    m_fullScreenAction = add(view, "actionFullScreen", tr("&Full Screen"), QKeySequence::FullScreen,
                             [this](bool on) { on ? showFullScreen() : showNormal(); });
    m_fullScreenAction->setCheckable(true);

    QMenu* arrange = menuBar()->addMenu(tr("&Arrange"));
    // Graphviz runs on a worker thread; Esc or the status bar's Cancel stops it.
    auto* layouts = new diagram::LayoutController(m_view, statusBar(), this);
    layouts->setObjectName(QStringLiteral("autoLayoutController"));
    add(arrange, "actionAutoLayout", tr("&Auto-layout"), QKeySequence(tr("Ctrl+Shift+L")),
        [layouts] { layouts->start(); });
    arrange->addSeparator();
    installArrangeActions(arrange, m_view); // Align and Distribute
    arrange->addSeparator();
    arrange->addMenu(m_patternMenu); // pattern templates (mainwindow_tradeoffs.cpp)

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, "actionAbout", tr("&About Plumbline"), {}, [this] { showAbout(); });
    add(help, "actionAboutQt", tr("About &Qt"), {}, [] { QApplication::aboutQt(); });

    rebuildRecentMenu();
    rebuildExampleMenu();
}

void MainWindow::setDocument(std::unique_ptr<Document> document, std::unique_ptr<QLockFile> lock,
                             bool readOnly) {
    // The old document goes last, once nothing shows it any more.
    std::unique_ptr<Document> previous = std::move(m_document);
    m_document = std::move(document);
    // Reopening the file this window already holds keeps its lock; anything else replaces it.
    const bool sameFile =
        m_projectLock && !m_document->isUntitled() &&
        m_projectLock->fileName() == QFileInfo(m_document->filePath()).absoluteFilePath() + ".lock";
    if (lock || readOnly || !sameFile) m_projectLock = std::move(lock);
    m_readOnly = readOnly;
    m_autosaver->setDocument(m_document.get());
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    connect(m_document.get(), &Document::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &Document::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document.get(), &Document::selectionChanged, this,
            &MainWindow::bringPropertiesForward);
    m_overview->setDocument(m_document.get());
    m_outline->setDocument(m_document.get());
    m_scene->setDocument(m_document.get());
    m_findings->setDocument(m_document.get()); // after the scene: badges go on its new items
    m_properties->setDocument(m_document.get());
    if (m_snapshots) m_snapshots->setDocument(m_document.get());
    m_charts->setDocument(m_document.get());
    m_view->zoomToOpen();
    // Once more when the window has its final size (the first show, a restored geometry).
    QTimer::singleShot(0, m_view, [view = m_view] { view->zoomToOpen(); });
    previous.reset();
    updateTitle();
}

void MainWindow::updateTitle() {
    // "[*]" is where Qt shows the modified mark when setWindowModified(true).
    setWindowTitle((m_readOnly ? tr("%1[*]%2 (read-only) — Plumbline") : tr("%1[*]%2 — Plumbline"))
                       .arg(m_document->displayName(), whatIfTitleSuffix(m_findings->scale())));
    setWindowModified(m_document->isModified());
}

bool MainWindow::openStartupDocument(const QString& file) {
    if (offerRecovery()) return true;
    if (!file.isEmpty()) return openFile(file) || openExample(defaultExampleFileName());
    const QString last = recentFiles().value(0);
    if (!last.isEmpty() && QFileInfo::exists(last) && openFile(last)) return true;
    return openExample(defaultExampleFileName());
}

bool MainWindow::newDocument() {
    if (!maybeSave()) return false;
    setDocument(std::make_unique<Document>(plumb::Project{}));
    return true;
}

bool MainWindow::openFile(const QString& path) {
    if (isOtherToolsFile(path)) { // draw.io, Structurizr, ...: opened as an untitled import
        auto doc = importOtherFormat(this, *m_dialogs, startDirectory(), path);
        if (!doc || !maybeSave()) return false;
        setDocument(std::move(doc));
        return true;
    }
    // Load before asking to save: a file that cannot be opened should cost the user nothing.
    DocumentLoad load = Document::load(path);
    if (!load.document) {
        reportLoadFailure(QFileInfo(path).fileName(), load.errors);
        return false;
    }
    std::unique_ptr<QLockFile> lock;
    bool readOnly = false;
    if (!lockProject(load.document->filePath(), lock, readOnly)) return false;
    if (!maybeSave()) return false;
    addRecentFile(load.document->filePath());
    rebuildRecentMenu();
    setDocument(std::move(load.document), std::move(lock), readOnly);
    statusBar()->showMessage(
        tr("Opened %1 — %2").arg(m_document->displayName(), modelCounts(m_document->model())),
        5000);
    return true;
}

bool MainWindow::openExample(const QString& fileName) {
    DocumentLoad load = loadBundledExample(fileName);
    if (!load.document) {
        reportLoadFailure(fileName, load.errors);
        return false;
    }
    if (!maybeSave()) return false;
    setDocument(std::move(load.document));
    return true;
}

bool MainWindow::importJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reportLoadFailure(QFileInfo(path).fileName(),
                          {{path.toStdString(), "", file.errorString().toStdString(), {}, {}}});
        return false;
    }
    // An import becomes a new untitled project: saving it never overwrites the JSON.
    DocumentLoad load = Document::fromJson(file.readAll(), QFileInfo(path).absoluteFilePath(),
                                           QFileInfo(path).completeBaseName());
    if (!load.document) {
        reportLoadFailure(QFileInfo(path).fileName(), load.errors);
        return false;
    }
    if (!maybeSave()) return false;
    setDocument(std::move(load.document));
    return true;
}

bool MainWindow::save() {
    if (m_readOnly || !m_document->canSaveInPlace()) return saveAs();
    return saveAs(m_document->filePath());
}

bool MainWindow::saveAs(const QString& requestedPath) {
    QString path = requestedPath;
    if (path.isEmpty()) {
        const QString base = m_document->isUntitled()
                                 ? m_document->displayName()
                                 : QFileInfo(m_document->filePath()).completeBaseName();
        path = m_dialogs->askSaveFileName(
            this, tr("Save As"), QDir(startDirectory()).filePath(base + ".plumb"), kSaveFilter);
        if (path.isEmpty()) return false;
        path = withSuffix(path, QStringLiteral("plumb"));
    }
    // Never write over a project another Plumbline has open; a new file gets its own lock.
    const QString lockPath = QFileInfo(path).absoluteFilePath() + ".lock";
    const bool keepLock = m_projectLock && m_projectLock->fileName() == lockPath;
    std::unique_ptr<QLockFile> lock;
    if (!keepLock && plumb::isProjectFileName(path.toStdString())) {
        lock = std::make_unique<QLockFile>(lockPath);
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0)) {
            if (lock->error() == QLockFile::LockFailedError) {
                m_dialogs->showError(this, tr("Save failed"),
                                     tr("\"%1\" is open in another Plumbline; save under "
                                        "another name.")
                                         .arg(QFileInfo(path).fileName()));
                return false;
            }
            lock.reset(); // a folder without write access for the lock: nothing to coordinate
        }
    }
    if (const auto error = m_document->saveAs(path)) {
        m_dialogs->showError(this, tr("Save failed"),
                             tr("Could not save \"%1\".").arg(QFileInfo(path).fileName()),
                             QString::fromStdString(error->toString()));
        return false;
    }
    if (!keepLock) m_projectLock = std::move(lock);
    m_readOnly = false;
    updateTitle();
    addRecentFile(m_document->filePath());
    rebuildRecentMenu();
    statusBar()->showMessage(tr("Saved %1").arg(m_document->filePath()), 5000);
    return true;
}

bool MainWindow::exportJson(const QString& requestedPath) {
    QString path = requestedPath;
    if (path.isEmpty()) {
        const QString base = m_document->isUntitled()
                                 ? m_document->displayName()
                                 : QFileInfo(m_document->filePath()).completeBaseName();
        path = m_dialogs->askSaveFileName(
            this, tr("Export JSON"), QDir(startDirectory()).filePath(base + ".json"), kJsonFilter);
        if (path.isEmpty()) return false;
        path = withSuffix(path, QStringLiteral("json"));
    }
    if (const auto error = m_document->exportJson(path)) {
        m_dialogs->showError(this, tr("Export failed"),
                             tr("Could not export \"%1\".").arg(QFileInfo(path).fileName()),
                             QString::fromStdString(error->toString()));
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
    return true;
}

bool MainWindow::editModelProperties() {
    const auto edited = m_dialogs->askModelProperties(this, m_document->modelProperties());
    if (!edited || *edited == m_document->modelProperties()) return false;
    m_document->undoStack()->push(new SetModelPropertiesCommand(m_document.get(), *edited));
    return true;
}

bool MainWindow::exportDiagram(const QString& requestedPath) {
    QString path = requestedPath;
    if (path.isEmpty()) {
        const QString base = m_document->isUntitled()
                                 ? m_document->displayName()
                                 : QFileInfo(m_document->filePath()).completeBaseName();
        path = m_dialogs->askSaveFileName(this, tr("Export Diagram"),
                                          QDir(startDirectory()).filePath(base + ".svg"),
                                          kDiagramFilter);
        if (path.isEmpty()) return false;
        path = withSuffix(path, QStringLiteral("svg"));
    }
    const bool png =
        QFileInfo(path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0;
    const QString title = QString::fromStdString(m_document->model().name.value_or(std::string()));
    const QString error = png ? diagram::exportDiagramPng(m_scene, path)
                              : diagram::exportDiagramSvg(m_scene, path, title);
    if (!error.isEmpty()) {
        m_dialogs->showError(
            this, tr("Export failed"),
            tr("Could not export the diagram to \"%1\".").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
    return true;
}

void MainWindow::createFindings() {
    m_findings = new FindingsModel(plumb::builtinKnowledge(), this);
    new FindingBadges(m_findings, m_scene, this);
    m_findingsPanel = new FindingsPanel(m_findings, m_dialogs.get(), m_view, this);
    m_findingsDock = new QDockWidget(tr("Findings"), this);
    m_findingsDock->setObjectName(QStringLiteral("findingsDock"));
    m_findingsDock->setWidget(m_findingsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_findingsDock);
    auto* status = new FindingsStatus(m_findings, this);
    statusBar()->addPermanentWidget(status);
    connect(status, &FindingsStatus::clicked, this, [this] {
        m_findingsDock->show();
        m_findingsDock->raise();
    });
}

bool MainWindow::exportReport(const QString& requestedPath) {
    QString path = requestedPath;
    if (path.isEmpty()) {
        const QString base = m_document->isUntitled()
                                 ? m_document->displayName()
                                 : QFileInfo(m_document->filePath()).completeBaseName();
        path = m_dialogs->askSaveFileName(this, tr("Export Report"),
                                          QDir(startDirectory()).filePath(base + ".html"),
                                          kReportFilter);
        if (path.isEmpty()) return false;
        path = withSuffix(path, QStringLiteral("html"));
    }
    const QString error = writeDocumentReport(*m_document, m_findings->knowledge(), path);
    if (!error.isEmpty()) {
        m_dialogs->showError(
            this, tr("Export failed"),
            tr("Could not export the report to \"%1\".").arg(QFileInfo(path).fileName()), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported %1").arg(path), 5000);
    return true;
}

bool MainWindow::maybeSave() {
    if (!m_document || !m_document->isModified()) return true;
    switch (m_dialogs->askUnsavedChanges(this, m_document->displayName())) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveWindowSettings();
    m_autosaver->discard(); // closed normally: nothing to recover
    m_projectLock.reset();
    event->accept();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        // &1..&9 then &0: keyboard access without the mouse, as in most editors.
        const QString label =
            QStringLiteral("&%1  %2").arg((i + 1) % 10).arg(QFileInfo(files[i]).fileName());
        QAction* action =
            m_recentMenu->addAction(label, this, [this, path = files[i]] { openRecent(path); });
        action->setToolTip(files[i]);
        action->setStatusTip(files[i]);
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::rebuildExampleMenu() {
    m_exampleMenu->clear();
    for (const BundledExample& example : bundledExamples())
        m_exampleMenu->addAction(example.title, this,
                                 [this, name = example.fileName] { openExample(name); });
    m_exampleMenu->setEnabled(!m_exampleMenu->isEmpty());
}

void MainWindow::openRecent(const QString& path) {
    if (!QFileInfo::exists(path)) {
        removeRecentFile(path);
        rebuildRecentMenu();
        m_dialogs->showInformation(this, tr("File not found"),
                                   tr("\"%1\" no longer exists and was removed from the recent "
                                      "files.")
                                       .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openFile(path);
}

void MainWindow::reportLoadFailure(const QString& what,
                                   const std::vector<plumb::InputError>& errors) {
    m_dialogs->showError(
        this, tr("Cannot open %1").arg(what),
        tr("\"%1\" could not be opened; the current model is unchanged.").arg(what),
        describeErrors(errors));
}

QString MainWindow::startDirectory() const {
    if (!m_document->isUntitled()) return QFileInfo(m_document->filePath()).absolutePath();
    const QString last = recentFiles().value(0);
    return last.isEmpty() ? QDir::homePath() : QFileInfo(last).absolutePath();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Plumbline"),
        tr("<h3>Plumbline %1</h3><p>A workbench for data architecture: draw contexts, services, "
           "stores and flows with their workloads, and check every store against what the "
           "research says it can carry.</p><p>Built with Qt %2 (running on Qt %3).</p>")
            .arg(QStringLiteral(PLUMBLINE_VERSION), QStringLiteral(QT_VERSION_STR), qVersion()));
}

} // namespace plumb::ui
