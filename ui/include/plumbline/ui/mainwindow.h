#pragma once
// The workbench window: menus, docks, and the life cycle of the open document (new, open,
// save, close with the unsaved-changes prompt). The document does the work; this window
// decides which document is open and asks the user when it must.

#include "plumbline/ui/document.h"
#include "plumbline/ui/user_dialogs.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QDockWidget;
class QLockFile;
class QMenu;
class QUndoGroup;

namespace plumb::ui {

namespace diagram {
class DiagramScene;
class DiagramView;
class Palette;
} // namespace diagram
class PropertyEditor;
class SnapshotsPanel;
class Autosaver;
class FindingsModel;
class FindingsPanel;
class DocumentTreeView;
class ModelOverview;
class ModelTreeModel;
namespace catalogue {
class CatalogueBrowser;
} // namespace catalogue
namespace charts {
class ChartsPanel;
class ScaleSlider;
} // namespace charts

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `dialogs` answers questions and shows messages; nullptr = the real Qt dialogs.
    explicit MainWindow(std::unique_ptr<UserDialogs> dialogs = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    Document* document() const { return m_document.get(); }
    ModelOverview* overview() const { return m_overview; }
    ModelTreeModel* treeModel() const;
    diagram::DiagramScene* diagramScene() const { return m_scene; }
    diagram::DiagramView* diagramView() const { return m_view; }
    PropertyEditor* propertyEditor() const { return m_properties; }
    FindingsModel* findings() const { return m_findings; }
    FindingsPanel* findingsPanel() const { return m_findingsPanel; }
    charts::ChartsPanel* chartsPanel() const { return m_charts; }
    charts::ScaleSlider* scaleSlider() const { return m_scaleSlider; }
    catalogue::CatalogueBrowser* catalogueBrowser() const { return m_catalogue; }
    // Opens the pattern catalogue at a pattern or technology ("Learn more" from a finding).
    void showInCatalogue(const QString& id);
    // Applies a pattern template (pattern_templates.h) to the selected store as one undoable
    // edit and selects what it added; false, with the reason in the status bar, when it cannot.
    bool applyPatternTemplate(const QString& templateId);
    // Arrange > Insert Pattern: one action per template, enabled for the selection.
    QMenu* patternMenu() const { return m_patternMenu; }
    // The canvas's right-click menu for the element, flow or context `id` (empty: the canvas
    // itself); selects `id` unless it is already selected. The caller owns the menu.
    QMenu* buildDiagramContextMenu(const QString& id);

    // What `plumbline [FILE]` opens: FILE, else the last file if it still exists, else the
    // default bundled example. Returns false when nothing could be opened (an empty model).
    bool openStartupDocument(const QString& file);

    // Each returns false when it did nothing: cancelled by the user, or failed with a message.
    // A failed open leaves the current document exactly as it was.
    bool newDocument();
    bool openFile(const QString& path);
    bool openExample(const QString& fileName);
    bool importJson(const QString& path);
    bool save();
    bool saveAs(const QString& path = {});
    bool exportJson(const QString& path = {});
    bool editModelProperties();
    // File > Export Diagram: SVG or PNG by the file's suffix.
    bool exportDiagram(const QString& path = {});
    // File > Export Report: HTML, PDF or Markdown by the file's suffix, as `plumbline report`.
    bool exportReport(const QString& path = {});
    // Asks to save unsaved changes; true when it is fine to replace or close the document.
    bool maybeSave();

    // Crash safety (mainwindow_safety.cpp). A project another Plumbline has open is opened
    // read-only: Save then asks for another name.
    bool isReadOnly() const { return m_readOnly; }
    // The lock held on the open project (`<file>.lock`), or nullptr.
    QLockFile* projectLock() const { return m_projectLock.get(); }
    Autosaver* autosaver() const { return m_autosaver; }
    // Offers the recovery files a crashed Plumbline left behind (openStartupDocument does this
    // first); true when one was recovered and is now the open document.
    bool offerRecovery();

    // View > Reset Layout: every dock back where a first start puts it (mainwindow_layout.cpp).
    void resetLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    // `lock`: the new document's project lock (nullptr keeps the current one when it is the
    // same file, and releases it otherwise).
    void setDocument(std::unique_ptr<Document> document, std::unique_ptr<QLockFile> lock = nullptr,
                     bool readOnly = false);
    // Takes `<path>.lock` for a project file, or asks the user when another Plumbline holds
    // it. False when the user cancels; `readOnly` when they chose to open it read-only.
    bool lockProject(const QString& path, std::unique_ptr<QLockFile>& lock, bool& readOnly);
    void createAutosave();
    void updateTitle();
    void rebuildRecentMenu();
    void rebuildExampleMenu();
    void openRecent(const QString& path);
    void reportLoadFailure(const QString& what, const std::vector<plumb::InputError>& errors);
    QString startDirectory() const;
    void showAbout();
    // mainwindow_layout.cpp: the dock arrangement, first start and remembered.
    void restoreWindowSettings();
    void saveWindowSettings() const;
    void applyDefaultLayout();
    void addLayoutActions(QMenu* view);
    void bringPropertiesForward(const QStringList& selection);

    std::unique_ptr<UserDialogs> m_dialogs;
    std::unique_ptr<Document> m_document;
    QUndoGroup* m_undoGroup;
    ModelOverview* m_overview;
    diagram::DiagramScene* m_scene;
    diagram::DiagramView* m_view;
    diagram::Palette* m_palette = nullptr;
    PropertyEditor* m_properties = nullptr;
    QDockWidget* m_paletteDock = nullptr;
    QDockWidget* m_overviewDock = nullptr;
    QDockWidget* m_propertiesDock = nullptr;
    bool m_restoredState = false;
    DocumentTreeView* m_outline = nullptr;
    QDockWidget* m_modelDock = nullptr;
    QDockWidget* m_historyDock = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_exampleMenu = nullptr;
    QAction* m_fullScreenAction = nullptr;
    FindingsModel* m_findings = nullptr;
    FindingsPanel* m_findingsPanel = nullptr;
    QDockWidget* m_findingsDock = nullptr;
    void createFindings(); // live findings: dock, canvas badges, status bar count
    // Tradeoff charts and pattern catalogue docks, what-if toolbar
    // (mainwindow_tradeoffs.cpp).
    void createTradeoffViews();
    charts::ChartsPanel* m_charts = nullptr;
    charts::ScaleSlider* m_scaleSlider = nullptr;
    catalogue::CatalogueBrowser* m_catalogue = nullptr;
    QDockWidget* m_chartsDock = nullptr;
    QDockWidget* m_catalogueDock = nullptr;
    QMenu* m_patternMenu = nullptr;
    void updatePatternActions();
    void createDiagramContextMenu(); // diagram_context_menu.cpp
    // The Snapshots dock and File > Save Snapshot (mainwindow_layout.cpp places the dock).
    void createSnapshots(QMenu* file);
    SnapshotsPanel* m_snapshots = nullptr;
    Autosaver* m_autosaver = nullptr;
    std::unique_ptr<QLockFile> m_projectLock;
    bool m_readOnly = false;
};

} // namespace plumb::ui
