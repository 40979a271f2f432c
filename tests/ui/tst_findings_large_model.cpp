// Live findings on a large model: after each edit, re-checking only the elements it touches
// gives exactly the findings of a full check. The times are printed for the README; they are
// not asserted, since a timed test flakes on a loaded machine (targets live in tests/bench).
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/ui/diagram/diagram_commands.h"
#include "plumbline/ui/document.h"
#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/waiver_command.h"
#include "ui_test_helpers.h"

#include <QElapsedTimer>
#include <QtTest>
#include <algorithm>

using namespace plumb::ui;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

class TestFindingsPerf : public QObject {
    Q_OBJECT

private slots:
    void thousandElementModelRechecksWithinAFrame() {
        Document document(test::thousandElementProject());
        QCOMPARE(document.model().elements.size(), std::size_t(1000));
        FindingsModel findings;
        QElapsedTimer timer;
        timer.start();
        findings.setDocument(&document);
        const double open = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        timer.start();
        const auto full = plumb::check(document.model(), plumb::builtinKnowledge());
        const double fullCheck = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QVERIFY(findings.findings() == full.findings);

        // A flow's writes typed in the property editor, back and forth.
        std::vector<double> flowEdits, elementEdits, moves;
        for (int i = 0; i < 21; ++i) {
            plumb::Flow flow = *document.model().findFlow("context-3-svc-4->context-3-db-4");
            flow.writesPerSecond = i % 2 ? 24 : 90000; // 24 is the generated value
            document.undoStack()->push(new diagram::SetFlowCommand(&document, flow, "writes"));
            flowEdits.push_back(findings.lastUpdateMilliseconds());

            plumb::Element element = *document.model().findElement("context-7-db-2");
            element.technology = i % 2 ? "postgresql" : "sqlite";
            document.undoStack()->push(new diagram::SetElementCommand(&document, element, "tech"));
            elementEdits.push_back(findings.lastUpdateMilliseconds());
        }
        QVERIFY(findings.findings() ==
                plumb::check(document.model(), plumb::builtinKnowledge()).findings);

        timer.start();
        document.undoStack()->push(new AddWaiverCommand(
            &document, makeWaiver("estimates-missing", "context-1-svc-1", "generated")));
        const double waive = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QVERIFY(findings.findings() ==
                plumb::check(document.model(), plumb::builtinKnowledge()).findings);

        qInfo("1,000 elements / %d flows, %d findings: open %.1f ms (plumb::check %.1f ms); "
              "flow edit median %.2f ms (max %.2f); element edit median %.2f ms (max %.2f); "
              "waive %.1f ms",
              int(document.model().flows.size()), int(findings.findings().size()), open, fullCheck,
              median(flowEdits), *std::max_element(flowEdits.begin(), flowEdits.end()),
              median(elementEdits), *std::max_element(elementEdits.begin(), elementEdits.end()),
              waive);
    }
};

QTEST_MAIN(TestFindingsPerf)
#include "tst_findings_large_model.moc"
