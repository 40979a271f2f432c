// The incremental checker (live_check.h): after any sequence of edits, waivers, rule settings
// and scale changes, its findings and analysis equal a full plumb::check() of the same model.
#include "model_helpers.h"
#include "plumbline/checker.h"
#include "plumbline/knowledge.h"
#include "plumbline/live_check.h"

#include <QtTest>
#include <random>

using namespace plumb;
using testing::element;
using testing::flow;

namespace {

// Fails with the first difference, so a drift is readable.
bool equalsFullCheck(const LiveCheck& live, const Model& model, double scale) {
    CheckOptions options;
    options.analysis.scale = scale;
    const CheckResult full = check(model, builtinKnowledge(), options);
    if (live.findings().size() != full.findings.size()) {
        qWarning("live %d findings, full %d", int(live.findings().size()),
                 int(full.findings.size()));
        return false;
    }
    for (std::size_t i = 0; i < full.findings.size(); ++i)
        if (!(live.findings()[i] == full.findings[i])) {
            qWarning("finding %d differs: %s on %s", int(i), full.findings[i].rule.c_str(),
                     full.findings[i].element.c_str());
            return false;
        }
    return live.analysis() == full.analysis;
}

// 1 when a waived sqlite-write-concurrency stands next to a finding it supersedes (which
// shows only because the superseder is waived), else 0.
int waivedSupersederWithItsSuperseded(const std::vector<Finding>& findings) {
    for (const Finding& waived : findings) {
        if (!waived.waived || waived.rule != "sqlite-write-concurrency") continue;
        for (const Finding& f : findings)
            if (f.element == waived.element &&
                (f.rule == "single-writer-write-rate" || f.rule == "single-writer-write-velocity"))
                return 1;
    }
    return 0;
}

} // namespace

class TestLiveCheck : public QObject {
    Q_OBJECT

private slots:
    void emptyAndClearedHaveNoFindings() {
        LiveCheck live(builtinKnowledge());
        QVERIFY(!live.hasModel());
        QVERIFY(live.findings().empty());
        Model model;
        model.elements.push_back(element("db", ElementKind::Store, {}, {}, "sqlite"));
        live.reset(model);
        QVERIFY(live.hasModel());
        QVERIFY(equalsFullCheck(live, model, 1));
        live.clear();
        QVERIFY(live.findings().empty());
        QVERIFY(live.analysis().elements.empty());
    }

    void unknownAndRemovedIdsAreHarmless() {
        Model model;
        model.elements.push_back(element("api", ElementKind::Service, {}, 4));
        model.elements.push_back(element("db", ElementKind::Store, {}, {}, "sqlite"));
        model.flows.push_back(flow("f", "api", "db", 10, 900));
        LiveCheck live(builtinKnowledge());
        // Edits before reset() start from a full check.
        live.elementChanged(model, "db");
        QVERIFY(equalsFullCheck(live, model, 1));
        live.changed(model, {"no-such-element"}, {"no-such-flow"});
        QVERIFY(equalsFullCheck(live, model, 1));
        model.flows.clear();
        model.elements.pop_back();
        live.changed(model, {"db"}, {"f"});
        QVERIFY(equalsFullCheck(live, model, 1));
    }

    void randomEditsEqualAFullCheck() {
        testing::RandomModels random(20261202);
        const std::vector<std::string> rules{
            "sqlite-write-concurrency",     "estimates-missing",
            "sqlite-volume-band",           "single-writer-write-rate",
            "single-writer-write-velocity", "no-such-rule"};
        auto pick = [&](std::size_t n) { return random.pick(n); };
        auto randomElement = [&](const std::string& id) { return random.element(id); };
        Model model;
        for (int i = 0; i < 25; ++i)
            model.elements.push_back(randomElement("e" + std::to_string(i)));
        auto randomFlow = [&](const std::string& id) { return random.flow(id, model); };
        for (int i = 0; i < 50; ++i)
            model.flows.push_back(randomFlow("f" + std::to_string(i)));

        double scale = 1;
        LiveCheck live(builtinKnowledge());
        live.reset(model);
        QVERIFY(equalsFullCheck(live, model, scale));
        int nextId = 1000;
        for (int step = 0; step < 250; ++step) {
            const std::size_t what = pick(8);
            if (what == 0) { // edit an element
                auto& e = model.elements[pick(model.elements.size())];
                const std::string id = e.id;
                e = randomElement(id);
                live.elementChanged(model, id);
            } else if (what == 1 && !model.flows.empty()) { // edit a flow
                auto& f = model.flows[pick(model.flows.size())];
                const std::string id = f.id;
                f = randomFlow(id);
                live.flowChanged(model, id);
            } else if (what == 2) { // add a flow
                const std::string id = "f" + std::to_string(nextId++);
                model.flows.push_back(randomFlow(id));
                live.flowChanged(model, id);
            } else if (what == 3 && model.elements.size() > 5) { // remove an element
                const std::size_t i = pick(model.elements.size());
                const std::string id = model.elements[i].id;
                model.elements.erase(model.elements.begin() + long(i));
                std::vector<std::string> gone;
                std::erase_if(model.flows, [&](const Flow& f) {
                    if (f.from != id && f.to != id) return false;
                    gone.push_back(f.id);
                    return true;
                });
                live.changed(model, {id}, gone);
            } else if (what == 4) { // add an element
                const std::string id = "e" + std::to_string(nextId++);
                model.elements.push_back(randomElement(id));
                live.elementChanged(model, id);
            } else if (what == 5) { // a waiver, sometimes expired, sometimes model-wide
                Waiver w;
                w.rule = rules[pick(rules.size())];
                if (pick(3)) w.element = model.elements[pick(model.elements.size())].id;
                w.reason = "step " + std::to_string(step);
                if (pick(3) == 0) w.expires = "2001-01-01";
                if (pick(4) == 0 && !model.waivers.empty())
                    model.waivers.erase(model.waivers.begin());
                else
                    model.waivers.push_back(w);
                live.settingsChanged(model);
            } else if (what == 6) { // rule settings: a severity, or a tuned parameter
                RuleSetting s(rules[pick(rules.size())], pick(2) ? Severity::Off : Severity::Error);
                if (pick(2)) s.params.emplace_back("writesPerSecond", double(pick(500)));
                if (pick(4) == 0)
                    model.ruleSettings.clear();
                else
                    model.ruleSettings.push_back(s);
                live.settingsChanged(model);
            } else if (what == 7 && pick(4) == 0) { // the what-if slider
                scale = std::vector<double>{1, 3, 10, 100}[pick(4)];
                live.setScale(model, scale);
            }
            QVERIFY2(equalsFullCheck(live, model, scale), ("step " + std::to_string(step)).c_str());
        }
    }

    // Issue #19: waivers of findings that supersede others (SQLite stores with many writers at
    // high rates), lifted, expired and rescaled at random; the live result stays check()'s.
    void randomWaiversOfSupersedersEqualAFullCheck() {
        testing::RandomModels random(20261219);
        auto pick = [&](std::size_t n) { return random.pick(n); };
        Model model;
        for (int i = 0; i < 4; ++i)
            model.elements.push_back(element("db" + std::to_string(i), ElementKind::Store, {}, {},
                                             std::string(i % 2 ? "turso" : "sqlite")));
        for (int i = 0; i < 8; ++i)
            model.elements.push_back(element("svc" + std::to_string(i), ElementKind::Service));
        auto randomFlow = [&](const std::string& id) {
            return flow(id, "svc" + std::to_string(pick(8)), "db" + std::to_string(pick(4)),
                        double(pick(500)), double(50 + pick(3000)));
        };
        for (int i = 0; i < 16; ++i)
            model.flows.push_back(randomFlow("f" + std::to_string(i)));
        const std::vector<std::string> rules{
            "sqlite-write-concurrency", "single-writer-write-velocity", "single-writer-write-rate"};
        double scale = 1;
        int waivedSuperseders = 0;
        LiveCheck live(builtinKnowledge());
        live.reset(model);
        for (int step = 0; step < 200; ++step) {
            const std::size_t what = pick(4);
            if (what == 0) { // a waiver, sometimes expired, sometimes of every element
                Waiver w;
                w.rule = rules[pick(rules.size())];
                if (pick(3)) w.element = "db" + std::to_string(pick(4));
                if (pick(4) == 0) w.expires = "2001-01-01";
                model.waivers.push_back(w);
                live.settingsChanged(model);
            } else if (what == 1 && !model.waivers.empty()) { // lift one
                model.waivers.erase(model.waivers.begin() + long(pick(model.waivers.size())));
                live.settingsChanged(model);
            } else if (what == 2) { // edit a flow
                auto& f = model.flows[pick(model.flows.size())];
                const std::string id = f.id;
                f = randomFlow(id);
                live.flowChanged(model, id);
            } else { // the what-if slider
                scale = std::vector<double>{1, 10, 100}[pick(3)];
                live.setScale(model, scale);
            }
            QVERIFY2(equalsFullCheck(live, model, scale), ("step " + std::to_string(step)).c_str());
            waivedSuperseders += waivedSupersederWithItsSuperseded(live.findings());
        }
        // The sequence must have met the case the issue was about, or it proved nothing on it.
        QVERIFY2(waivedSuperseders > 10, std::to_string(waivedSuperseders).c_str());
    }
};

QTEST_MAIN(TestLiveCheck)
#include "tst_live_check.moc"
