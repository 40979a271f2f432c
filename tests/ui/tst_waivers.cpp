// Waivers as a user manages them (issue #19): the waive dialog asks for an expiry date and
// names the author even without $USER; a waiver saved in the file can be lifted or edited from
// the Waived list after reopening it; each of these is one undo step.
#include "plumbline/checker.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/findings_panel.h"
#include "plumbline/ui/findings/waived_actions.h"
#include "plumbline/ui/findings/waiver_command.h"
#include "plumbline/ui/findings/waiver_dialog.h"
#include "plumbline/ui/mainwindow.h"
#include "ui_test_helpers.h"

#include <QAction>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>
#include <memory>

using namespace plumb::ui;
using plumb::Severity;

namespace {

struct Window {
    test::FakeDialogs* dialogs;
    std::unique_ptr<MainWindow> window;
};

Window makeWindow() {
    auto dialogs = std::make_unique<test::FakeDialogs>();
    Window w{dialogs.get(), std::make_unique<MainWindow>(std::move(dialogs))};
    return w;
}

// The e-commerce example saved with one waiver of the shared store, as if from an earlier
// session: the waiver is in the file, not on the undo stack.
QString exampleWithWaiver(const QTemporaryDir& dir) {
    QFile in(test::exampleSourcePath(QStringLiteral("ecommerce-platform.json")));
    if (!in.open(QIODevice::ReadOnly)) return {};
    QJsonObject model = QJsonDocument::fromJson(in.readAll()).object();
    model["waivers"] = QJsonArray{QJsonObject{{"rule", "shared-store-across-contexts"},
                                              {"element", "orders-db"},
                                              {"reason", "reporting moves out in Q3"},
                                              {"author", "ana"},
                                              {"date", "2026-11-20"},
                                              {"expires", "2999-05-20"}}};
    return test::writeFile(dir.path(), QStringLiteral("waived.json"),
                           QJsonDocument(model).toJson());
}

void selectFirst(QTreeView* list) {
    list->selectionModel()->select(list->model()->index(0, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

// The environment variables naming the user, unset for one test and restored after.
class NoUserEnvironment {
public:
    NoUserEnvironment() {
        for (const char* name : kNames) {
            saved_.append(qgetenv(name));
            qunsetenv(name);
        }
    }
    ~NoUserEnvironment() {
        for (int i = 0; i < saved_.size(); ++i)
            if (!saved_[i].isEmpty()) qputenv(kNames[i], saved_[i]);
    }

private:
    static constexpr const char* kNames[] = {"USER", "USERNAME", "LOGNAME"};
    QList<QByteArray> saved_;
};

} // namespace

class TestWaivers : public QObject {
    Q_OBJECT

private slots:
    void init() { test::useScratchSettings(); }

    void waivingAsksForAnExpiryAndAnAuthor() {
        auto w = makeWindow();
        QVERIFY(w.window->openExample(QStringLiteral("ecommerce-platform.json")));
        FindingsPanel* panel = w.window->findingsPanel();
        selectFirst(panel->openList());
        w.dialogs->waiverReason = QStringLiteral("accepted for the pilot");
        w.dialogs->waiverExpires = QDate(2027, 6, 1);
        w.dialogs->waiverAuthor = QStringLiteral("Ana Lima");
        QVERIFY(panel->waiveSelected());
        // The dialog offered the system account and six months.
        QCOMPARE(w.dialogs->waiverInitial.size(), 1);
        QCOMPARE(w.dialogs->waiverInitial.front().author, waiverAuthor());
        QCOMPARE(w.dialogs->waiverInitial.front().expires, defaultWaiverExpiry());
        const plumb::Waiver& waiver = w.window->document()->model().waivers.front();
        QCOMPARE(waiver.expires, plumb::Text("2027-06-01"));
        QCOMPARE(waiver.author, plumb::Text("Ana Lima"));
        QCOMPARE(w.window->document()->undoStack()->count(), 1);
    }

    void authorComesFromTheSystemAccountOrTheSetting() {
        {
            NoUserEnvironment noUser;
            QVERIFY2(!waiverAuthor().isEmpty(), "no $USER: the password database or home name");
            QVERIFY(makeWaiver("r", "e", QStringLiteral("why")).author.has_value());
        }
        QSettings().setValue(kWaiverAuthorSetting, QStringLiteral("Ana Lima"));
        QCOMPARE(waiverAuthor(), QStringLiteral("Ana Lima"));
        QCOMPARE(makeWaiver("r", "e", QStringLiteral("why")).author, plumb::Text("Ana Lima"));
        QSettings().remove(kWaiverAuthorSetting);
    }

    void aWaiverFromTheFileCanBeLiftedAndTheLiftUndone() {
        QTemporaryDir dir;
        auto w = makeWindow();
        QVERIFY(w.window->openFile(exampleWithWaiver(dir)));
        Document* document = w.window->document();
        FindingsPanel* panel = w.window->findingsPanel();
        QCOMPARE(w.window->findings()->waivedCount(), 1);
        const int warnings = w.window->findings()->count(Severity::Warning);
        const int steps = document->undoStack()->count();

        WaivedFindingActions* actions = panel->waivedActions();
        QVERIFY(!actions->liftAction()->isEnabled()); // nothing selected yet
        selectFirst(panel->waivedList());
        QVERIFY(actions->liftAction()->isEnabled());
        QVERIFY(panel->waivedList()->actions().contains(actions->liftAction())); // context menu
        actions->liftAction()->trigger();
        QVERIFY(document->model().waivers.empty());
        QCOMPARE(w.window->findings()->waivedCount(), 0);
        QCOMPARE(w.window->findings()->count(Severity::Warning), warnings + 1);
        QCOMPARE(document->undoStack()->count(), steps + 1);
        QVERIFY(document->isModified());

        document->undoStack()->undo();
        QCOMPARE(document->model().waivers.size(), std::size_t(1));
        QCOMPARE(document->model().waivers.front().reason,
                 plumb::Text("reporting moves out in Q3"));
        QCOMPARE(w.window->findings()->waivedCount(), 1);
        document->undoStack()->redo();
        QVERIFY(document->model().waivers.empty());
    }

    void aWaiverCanBeEditedAndTheEditUndone() {
        QTemporaryDir dir;
        auto w = makeWindow();
        QVERIFY(w.window->openFile(exampleWithWaiver(dir)));
        Document* document = w.window->document();
        FindingsPanel* panel = w.window->findingsPanel();
        const plumb::Waiver before = document->model().waivers.front();
        selectFirst(panel->waivedList());

        // Cancelling changes nothing.
        w.dialogs->waiverReason.reset();
        QVERIFY(!panel->waivedActions()->editSelected());
        QCOMPARE(w.dialogs->waiverInitial.size(), 1);
        QCOMPARE(w.dialogs->waiverInitial.front().reason,
                 QStringLiteral("reporting moves out in Q3"));
        QCOMPARE(w.dialogs->waiverInitial.front().author, QStringLiteral("ana"));
        QCOMPARE(w.dialogs->waiverInitial.front().expires, QDate(2999, 5, 20));
        QCOMPARE(document->model().waivers.front(), before);

        // An expiry in the past: the finding counts again and says its waiver expired.
        w.dialogs->waiverReason = QStringLiteral("only until the migration");
        w.dialogs->waiverExpires = QDate(2001, 1, 1);
        panel->waivedActions()->editAction()->trigger();
        const plumb::Waiver& after = document->model().waivers.front();
        QCOMPARE(after.reason, plumb::Text("only until the migration"));
        QCOMPARE(after.expires, plumb::Text("2001-01-01"));
        QCOMPARE(after.author, plumb::Text("ana"));
        QCOMPARE(after.date, before.date);
        QCOMPARE(w.window->findings()->waivedCount(), 0);
        bool expired = false;
        for (const auto& f : w.window->findings()->findings())
            expired = expired || (f.rule == "shared-store-across-contexts" && f.waiverExpired);
        QVERIFY(expired);

        document->undoStack()->undo();
        QCOMPARE(document->model().waivers.front(), before);
        QCOMPARE(w.window->findings()->waivedCount(), 1);
    }

    void theDialogNeedsAReasonAndOffersNoExpiryAsAChoice() {
        WaiverDialog dialog(QStringLiteral("Shared store"), QStringLiteral("Orders DB"),
                            {{}, QStringLiteral("ana"), QDate(2027, 6, 1)});
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.reasonEdit()->setPlainText(QStringLiteral("  measured: one writer  "));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.expiresCheck()->isChecked());
        WaiverFields fields = dialog.fields();
        QCOMPARE(fields.reason, QStringLiteral("measured: one writer"));
        QCOMPARE(fields.author, QStringLiteral("ana"));
        QCOMPARE(fields.expires, QDate(2027, 6, 1));
        dialog.expiresCheck()->setChecked(false);
        QVERIFY(!dialog.expiresEdit()->isEnabled());
        QVERIFY(!dialog.fields().expires.isValid());
        // Editing a waiver without expiry shows the box unticked.
        WaiverDialog edit(QStringLiteral("t"), QStringLiteral("e"),
                          {QStringLiteral("why"), QStringLiteral("ana"), QDate()});
        QVERIFY(!edit.expiresCheck()->isChecked());
        QVERIFY(edit.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
    }
};

QTEST_MAIN(TestWaivers)
#include "tst_waivers.moc"
