// Pattern templates: each inserts its elements, rewires the target's flows, keeps every existing
// id, and changes the findings the way the pattern promises (the smell it cures goes away, the
// ones it does not cure stay). Also the "try it" technology swap comparison.
#include "model_helpers.h"
#include "plumbline/analysis.h"
#include "plumbline/checker.h"
#include "plumbline/element_kinds.h"
#include "plumbline/knowledge.h"
#include "plumbline/pattern_templates.h"
#include "plumbline/svg_diagram.h"
#include "plumbline/technology_swap.h"

#include <QtTest>

using namespace plumb;

namespace {

Model shop() {
    return testing::readModelOrFail(testing::dataPath("templates/shop.json"));
}

bool fires(const Model& model, const std::string& rule, const std::string& element) {
    CheckOptions options;
    options.today = "2026-12-01";
    for (const Finding& f : check(model, builtinKnowledge(), options).findings)
        if (f.rule == rule && f.element == element) return true;
    return false;
}

const Flow& flow(const Model& model, const std::string& id) {
    const Flow* f = model.findFlow(id);
    if (!f) throw std::runtime_error("no flow " + id);
    return *f;
}

std::vector<const Flow*> flowsBetween(const Model& model, const std::string& from,
                                      const std::string& to) {
    std::vector<const Flow*> out;
    for (const Flow& f : model.flows)
        if (f.from == from && f.to == to) out.push_back(&f);
    return out;
}

bool boxesOverlap(const LayoutBox& a, const LayoutBox& b) {
    return *a.x < *b.x + *b.width && *b.x < *a.x + *a.width && *a.y < *b.y + *b.height &&
           *b.y < *a.y + *a.height;
}

// What every template must keep: the old ids, a valid model that survives a JSON round trip,
// and new element boxes that overlap no other element and sit inside their context.
void checkInvariants(const Model& before, const TemplateResult& result) {
    QVERIFY2(result.problem.empty(), result.problem.c_str());
    for (const Element& e : before.elements)
        QVERIFY(result.model.findElement(e.id));
    for (const Flow& f : before.flows)
        QVERIFY(result.model.findFlow(f.id));
    const auto reread = readModelJson(writeModelJson(result.model), "after.json");
    QVERIFY(reread.errors.empty());
    QCOMPARE(*reread.model, result.model);
    // Contexts that were apart stay apart when one grows to hold a new element.
    for (const Context& a : before.contexts)
        for (const Context& b : before.contexts) {
            if (a.id >= b.id || !before.findLayout(a.id) || !before.findLayout(b.id)) continue;
            if (boxesOverlap(*before.findLayout(a.id), *before.findLayout(b.id))) continue;
            QVERIFY2(!boxesOverlap(*result.model.findLayout(a.id), *result.model.findLayout(b.id)),
                     (a.id + " now overlaps " + b.id).c_str());
        }
    for (const std::string& id : result.added) {
        const Element* e = result.model.findElement(id);
        if (!e) continue; // a flow
        const LayoutBox* box = result.model.findLayout(id);
        QVERIFY2(box, id.c_str());
        for (const LayoutBox& other : result.model.layout) {
            if (other.id == id || result.model.findContext(other.id)) continue;
            QVERIFY2(!boxesOverlap(*box, other), (id + " overlaps " + other.id).c_str());
        }
        const LayoutBox* context = result.model.findLayout(*e->context);
        QVERIFY(context);
        QVERIFY(*context->x <= *box->x && *box->x + *box->width <= *context->x + *context->width);
        QVERIFY(*context->y <= *box->y && *box->y + *box->height <= *context->y + *context->height);
    }
}

// A stand-in for the canvas's provisional layout of a model saved without one: the
// deterministic layout of the SVG diagram, one complete box per context and element.
std::vector<LayoutBox> drawnLayout(const Model& model) {
    const DiagramLayout drawn = layoutDiagram(model);
    std::vector<LayoutBox> boxes;
    for (const auto& group : {drawn.contexts, drawn.elements})
        for (const DiagramRect& r : group)
            if (!r.id.empty()) boxes.push_back(testing::box(r.id, r.x, r.y, r.width, r.height));
    return boxes;
}

const LayoutBox* find(const std::vector<LayoutBox>& boxes, const std::string& id) {
    for (const LayoutBox& b : boxes)
        if (b.id == id) return &b;
    return nullptr;
}

// How far apart two boxes are: the larger of the horizontal and the vertical gap (0 touching).
double gapBetween(const LayoutBox& a, const LayoutBox& b) {
    const double dx = std::max({0.0, *b.x - (*a.x + *a.width), *a.x - (*b.x + *b.width)});
    const double dy = std::max({0.0, *b.y - (*a.y + *a.height), *a.y - (*b.y + *b.height)});
    return std::max(dx, dy);
}

// A template applied to a model without a layout, with the boxes as drawn: what was drawn
// stays where it was (a context may grow), every new element lies inside the target's context
// box, next to the target or to another new element, and on a spot of its own.
void checkPlacedAsDrawn(const Model& before, const std::vector<LayoutBox>& drawn,
                        const std::string& target, const TemplateResult& result) {
    QVERIFY2(result.problem.empty(), result.problem.c_str());
    const Model& after = result.model;
    const std::string context = before.findElement(target)->context.value_or("");
    for (const LayoutBox& d : drawn) {
        const LayoutBox* kept = after.findLayout(d.id);
        QVERIFY2(kept, d.id.c_str());
        if (d.id == context) continue; // it grows to hold the new elements
        QVERIFY2(*kept == d, (d.id + " moved").c_str());
    }
    for (const Context& a : before.contexts)
        for (const Context& b : before.contexts) {
            if (a.id >= b.id || boxesOverlap(*find(drawn, a.id), *find(drawn, b.id))) continue;
            QVERIFY2(!boxesOverlap(*after.findLayout(a.id), *after.findLayout(b.id)),
                     (a.id + " now overlaps " + b.id).c_str());
        }
    std::vector<std::string> neighbours{target};
    for (const std::string& id : result.added) {
        const Element* e = after.findElement(id);
        if (!e) continue; // a flow
        const LayoutBox* box = after.findLayout(id);
        QVERIFY2(box, id.c_str());
        QCOMPARE(e->context.value_or(""), context);
        for (const LayoutBox& other : after.layout) {
            if (other.id == id || after.findContext(other.id)) continue;
            QVERIFY2(!boxesOverlap(*box, other), (id + " overlaps " + other.id).c_str());
        }
        if (!context.empty()) {
            const LayoutBox& c = *after.findLayout(context);
            QVERIFY2(*c.x <= *box->x && *box->x + *box->width <= *c.x + *c.width &&
                         *c.y <= *box->y && *box->y + *box->height <= *c.y + *c.height,
                     (id + " is outside " + context).c_str());
        }
        // Beside: at most two steps (room for one box between) from the target or an element
        // added before it (the read model sits beside its stream).
        double nearest = 1e9;
        for (const std::string& n : neighbours)
            nearest = std::min(nearest, gapBetween(*box, *after.findLayout(n)));
        const LayoutBox& anchor = *after.findLayout(target);
        QVERIFY2(nearest <= 2 * (std::max(*anchor.width, *anchor.height) + 80),
                 (id + " is " + std::to_string(nearest) + " away").c_str());
        neighbours.push_back(id);
    }
}

} // namespace

class TestPatternTemplates : public QObject {
    Q_OBJECT
private slots:
    void everyTemplateRealisesACataloguePattern() {
        for (const auto& t : patternTemplates()) {
            QVERIFY2(builtinKnowledge().pattern(t.pattern), t.pattern.c_str());
            QCOMPARE(templatesForPattern(t.pattern).front(), findPatternTemplate(t.id));
            for (const auto& other : t.alsoFor) {
                QVERIFY2(builtinKnowledge().pattern(other), other.c_str());
                QCOMPARE(templatesForPattern(other).front(), findPatternTemplate(t.id));
            }
        }
        QVERIFY(templatesForPattern("hash-sharding").empty());
    }

    void readAsideOffloadsTheReaders() {
        const Model model = shop();
        QVERIFY(fires(model, "read-heavy-without-offload", "orders-db"));
        const TemplateResult r = applyPatternTemplate(model, "read-aside", "orders-db");
        checkInvariants(model, r);
        const Element* cache = r.model.findElement("orders-db-cache");
        QVERIFY(cache);
        QCOMPARE(cache->kind, ElementKind::Cache);
        QCOMPARE(cache->technology.value_or(""), std::string("redis"));
        QCOMPARE(cache->context.value_or(""), std::string("orders"));
        QVERIFY(cache->ttlSeconds && *cache->ttlSeconds > 0);
        QCOMPARE(*flowsBetween(r.model, "orders-api", "orders-db-cache").at(0)->readsPerSecond,
                 5000.0);
        QCOMPARE(*flowsBetween(r.model, "catalog-api", "orders-db-cache").at(0)->readsPerSecond,
                 1000.0);
        // Only the misses reach the store; the writes are untouched.
        QCOMPARE(*flow(r.model, "orders-rw").readsPerSecond, 500.0);
        QCOMPARE(*flow(r.model, "orders-rw").writesPerSecond, 200.0);
        QVERIFY(!fires(r.model, "read-heavy-without-offload", "orders-db"));
        QVERIFY(!fires(r.model, "cache-without-ttl", "orders-db-cache"));
        QVERIFY(fires(r.model, "shared-store-across-contexts", "orders-db"));
        QVERIFY(QString::fromStdString(r.summary).contains("orders-db-cache"));
        QCOMPARE(model, shop()); // the input is not touched
    }

    void cqrsMovesTheReadersToAReadModelFedByCdc() {
        const Model model = shop();
        const TemplateResult r = applyPatternTemplate(model, "cqrs-read-model", "orders-db");
        checkInvariants(model, r);
        const Element* view = r.model.findElement("orders-db-read-model");
        const Element* stream = r.model.findElement("orders-db-changes");
        QVERIFY(view && stream);
        QCOMPARE(view->technology.value_or(""), std::string("postgresql"));
        QCOMPARE(view->data->consistency, std::optional(Consistency::Eventual));
        QCOMPARE(stream->kind, ElementKind::Stream);
        const auto cdc = flowsBetween(r.model, "orders-db", "orders-db-changes");
        QCOMPARE(cdc.size(), std::size_t(1));
        QCOMPARE(cdc[0]->style, std::optional(FlowStyle::Cdc));
        QCOMPARE(*cdc[0]->writesPerSecond, 250.0);
        QCOMPARE(flowsBetween(r.model, "orders-db-changes", "orders-db-read-model").size(),
                 std::size_t(1));
        // A read-only flow moves whole; a read-write flow splits: writes stay, reads move.
        QCOMPARE(flow(r.model, "catalog-reads").to, std::string("orders-db-read-model"));
        QCOMPARE(*flow(r.model, "orders-rw").readsPerSecond, 0.0);
        QCOMPARE(*flow(r.model, "orders-rw").writesPerSecond, 200.0);
        QCOMPARE(*flowsBetween(r.model, "orders-api", "orders-db-read-model").at(0)->readsPerSecond,
                 5000.0);
        QVERIFY(!fires(r.model, "read-heavy-without-offload", "orders-db"));
    }

    void poolerTakesTheCallersConnections() {
        const Model model = shop();
        QVERIFY(fires(model, "serverless-without-pooler", "orders-db"));
        const TemplateResult r = applyPatternTemplate(model, "connection-pooler", "orders-db");
        checkInvariants(model, r);
        const Element* pooler = r.model.findElement("orders-db-pooler");
        QVERIFY(pooler);
        QCOMPARE(pooler->kind, ElementKind::Pooler);
        QCOMPARE(pooler->technology.value_or(""), std::string("pgbouncer"));
        for (const char* id : {"orders-rw", "catalog-reads", "checkout-writes"})
            QCOMPARE(flow(r.model, id).to, std::string("orders-db-pooler"));
        const auto pooled = flowsBetween(r.model, "orders-db-pooler", "orders-db");
        QCOMPARE(pooled.size(), std::size_t(1));
        QCOMPARE(*pooled[0]->readsPerSecond, 6000.0);
        QCOMPARE(*pooled[0]->writesPerSecond, 250.0);
        QVERIFY(!fires(r.model, "serverless-without-pooler", "orders-db"));
        // A pooler multiplexes connections; it does not make the database any less shared.
        QVERIFY(fires(r.model, "shared-store-across-contexts", "orders-db"));
        QVERIFY(QString::fromStdString(templateProblem(r.model, "connection-pooler", "orders-db"))
                    .contains("already behind"));
    }

    void outboxReplacesTheDualWrite() {
        const Model model = shop();
        const TemplateResult r = applyPatternTemplate(model, "outbox-cdc", "orders-db");
        checkInvariants(model, r);
        QVERIFY(r.added.empty());
        QCOMPARE(r.changed, std::vector<std::string>{"order-published"});
        QCOMPARE(flow(r.model, "order-published").from, std::string("orders-db"));
        QCOMPARE(flow(r.model, "order-published").style, std::optional(FlowStyle::Cdc));
        QCOMPARE(*flow(r.model, "order-published").writesPerSecond, 200.0);
    }

    void outboxWithoutDualWriteAddsAChangeStream() {
        Model model = shop();
        std::erase_if(model.flows, [](const Flow& f) { return f.id == "order-published"; });
        const TemplateResult r = applyPatternTemplate(model, "outbox-cdc", "orders-db");
        checkInvariants(model, r);
        QVERIFY(r.model.findElement("orders-db-changes"));
        QCOMPARE(*flowsBetween(r.model, "orders-db", "orders-db-changes").at(0)->writesPerSecond,
                 250.0);
    }

    void newIdsAvoidExistingOnes() {
        Model model = shop();
        Element taken;
        taken.id = "orders-db-cache";
        model.elements.push_back(taken);
        const TemplateResult r = applyPatternTemplate(model, "read-aside", "orders-db");
        QVERIFY(r.problem.empty());
        QVERIFY(r.model.findElement("orders-db-cache-2"));
    }

    // A long store id still gives contract-valid ids (at most 128 characters) to what is added.
    void newIdsStayWithinTheIdLength() {
        Model model = shop();
        const std::string longId(120, 's');
        for (Element& e : model.elements)
            if (e.id == "orders-db") e.id = longId;
        for (Flow& f : model.flows)
            if (f.to == "orders-db") f.to = longId;
        model.layout.clear();
        model.present.layout = false;
        const TemplateResult r = applyPatternTemplate(model, "cqrs-read-model", longId);
        QVERIFY2(r.problem.empty(), r.problem.c_str());
        for (const std::string& id : r.added)
            QVERIFY2(id.size() <= 128, id.c_str());
        const auto reread = readModelJson(writeModelJson(r.model), "long.json");
        QVERIFY(reread.errors.empty());
    }

    // Issue 19: on a model without a saved layout the new elements went to the top-left corner,
    // outside the store's context (CQRS stacked two on one spot). With the boxes as drawn they
    // land where they do on a model whose layout is saved.
    void placesAsDrawnWhenTheModelHasNoLayout() {
        const Model saved = shop();
        Model unsaved = saved;
        unsaved.layout.clear();
        unsaved.present.layout = false;
        for (const char* id :
             {"read-aside", "cqrs-read-model", "connection-pooler", "outbox-cdc"}) {
            const TemplateResult fromSaved = applyPatternTemplate(saved, id, "orders-db");
            const TemplateResult asDrawn =
                applyPatternTemplate(unsaved, id, "orders-db", saved.layout);
            QVERIFY2(asDrawn.problem.empty(), asDrawn.problem.c_str());
            QCOMPARE(asDrawn.model, fromSaved.model);
            checkPlacedAsDrawn(unsaved, saved.layout, "orders-db", asDrawn);
        }
        const TemplateResult cqrs =
            applyPatternTemplate(unsaved, "cqrs-read-model", "orders-db", saved.layout);
        QVERIFY(!boxesOverlap(*cqrs.model.findLayout("orders-db-changes"),
                              *cqrs.model.findLayout("orders-db-read-model")));
    }

    // Every template that applies to a store of a bundled example (none has a saved layout).
    void placesBesideTheStoreOnEveryExample_data() {
        QTest::addColumn<QString>("path");
        for (const std::string& path : testing::exampleFiles())
            QTest::newRow(path.substr(path.rfind('/') + 1).c_str()) << QString::fromStdString(path);
    }
    void placesBesideTheStoreOnEveryExample() {
        QFETCH(QString, path);
        const Model model = testing::readModelOrFail(path.toStdString());
        QVERIFY(model.layout.empty());
        const std::vector<LayoutBox> drawn = drawnLayout(model);
        int applied = 0;
        for (const Element& store : model.elements) {
            if (!traits(store.kind).ofRecord) continue;
            for (const auto& t : patternTemplates()) {
                if (!templateProblem(model, t.id, store.id).empty()) continue;
                const TemplateResult r = applyPatternTemplate(model, t.id, store.id, drawn);
                checkPlacedAsDrawn(model, drawn, store.id, r);
                ++applied;
            }
        }
        QVERIFY(applied >= 3);
    }

    // A drawn box fills in only what the model's own box leaves out.
    void drawnBoxesCompleteTheModelsOwn() {
        Model model = shop();
        for (LayoutBox& b : model.layout)
            if (b.id == "orders-api") b.width.reset(), b.height.reset();
        std::vector<LayoutBox> drawn{testing::box("orders-api", 999, 999, 210, 80),
                                     testing::box("no-such-element", 0, 0)};
        const TemplateResult r = applyPatternTemplate(model, "read-aside", "orders-db", drawn);
        const LayoutBox& api = *r.model.findLayout("orders-api");
        QCOMPARE(*api.x, 24.0);
        QCOMPARE(*api.width, 210.0);
        QVERIFY(!r.model.findLayout("no-such-element"));
    }

    void withoutLayoutNothingIsPlaced() {
        Model model = shop();
        model.layout.clear();
        model.present.layout = false;
        const TemplateResult r = applyPatternTemplate(model, "read-aside", "orders-db");
        QVERIFY(r.problem.empty());
        QVERIFY(r.model.layout.empty());
    }

    void problemsAreExplained_data() {
        QTest::addColumn<QString>("templateId");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown template") << "sharding"
                                          << "orders-db"
                                          << "no pattern template";
        QTest::newRow("no selection") << "read-aside"
                                      << ""
                                      << "Select a store";
        QTest::newRow("a service") << "read-aside"
                                   << "orders-api"
                                   << "is a service";
        QTest::newRow("a stream") << "connection-pooler"
                                  << "order-events"
                                  << "is a stream";
        QTest::newRow("no readers") << "cqrs-read-model"
                                    << "sessions-x"
                                    << "Select a store";
    }
    void problemsAreExplained() {
        QFETCH(QString, templateId);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const Model model = shop();
        const TemplateResult r =
            applyPatternTemplate(model, templateId.toStdString(), target.toStdString());
        QVERIFY2(QString::fromStdString(r.problem).contains(expected), r.problem.c_str());
        QVERIFY(r.added.empty() && r.changed.empty());
    }

    // Issue 19: a pooler in front of SQLite made "SQLite cannot take this write concurrency"
    // disappear. The twenty processes behind it still write the one file.
    void aPoolerDoesNotMakeSqliteWritersOne() {
        Model model;
        model.elements.push_back(testing::element("writers", ElementKind::Service, {}, 20));
        model.elements.push_back(testing::element("pool", ElementKind::Pooler, {}, 1));
        model.elements.push_back(testing::element("db", ElementKind::Store, {}, {}, "sqlite"));
        model.flows.push_back(testing::flow("w", "writers", "pool", 100, 500));
        model.flows.push_back(testing::flow("p", "pool", "db", 100, 500));
        QVERIFY(fires(model, "sqlite-write-concurrency", "db"));
        const auto facts = analyse(model, builtinKnowledge());
        QCOMPARE(*facts.facts("db")->number("writers"), 20.0);
    }

    void poolerIsNotOfferedForEmbeddedStores_data() {
        QTest::addColumn<QString>("technology");
        QTest::addColumn<QString>("name");
        QTest::newRow("sqlite") << "sqlite"
                                << "SQLite";
        QTest::newRow("duckdb") << "duckdb"
                                << "DuckDB";
        QTest::newRow("by name") << "SQLite"
                                 << "SQLite";
    }
    void poolerIsNotOfferedForEmbeddedStores() {
        QFETCH(QString, technology);
        QFETCH(QString, name);
        Model model = shop();
        for (Element& e : model.elements)
            if (e.id == "orders-db") e.technology = technology.toStdString();
        const QString problem =
            QString::fromStdString(templateProblem(model, "connection-pooler", "orders-db"));
        QVERIFY2(problem.contains(name + " is an embedded database"), qPrintable(problem));
        QVERIFY2(problem.contains("no connections to pool"), qPrintable(problem));
        QVERIFY(!applyPatternTemplate(model, "connection-pooler", "orders-db").problem.empty());
        // The other templates still apply, and a server engine still gets the pooler.
        QVERIFY(templateProblem(model, "read-aside", "orders-db").empty());
        QVERIFY(templateProblem(shop(), "connection-pooler", "orders-db").empty());
    }

    void nothingToRewireIsRefused() {
        Model model = shop();
        std::erase_if(model.flows, [](const Flow& f) { return f.to == "orders-db"; });
        for (const char* id : {"read-aside", "cqrs-read-model", "connection-pooler"})
            QVERIFY(!templateProblem(model, id, "orders-db").empty());
        QVERIFY(templateProblem(model, "outbox-cdc", "orders-db").empty());
    }

    void swapComparesFindingsBeforeAndAfter() {
        const Model model = shop();
        CheckOptions options;
        options.today = "2026-12-01";
        const SwapComparison c =
            compareTechnologySwap(model, builtinKnowledge(), "sessions", "postgresql", options);
        QVERIFY2(c.problem.empty(), c.problem.c_str());
        QCOMPARE(c.from, std::string("sqlite"));
        auto has = [](const std::vector<Finding>& list, const std::string& rule) {
            return std::any_of(list.begin(), list.end(),
                               [&](const Finding& f) { return f.rule == rule; });
        };
        QVERIFY(has(c.fixed, "sqlite-write-concurrency"));
        QVERIFY(!has(c.after, "sqlite-write-concurrency"));
        QVERIFY(has(c.kept, "shared-store-across-contexts"));
        QCOMPARE(c.fixed.size() + c.kept.size(), c.before.size());
        QCOMPARE(c.added.size() + c.kept.size(), c.after.size());
        // PostgreSQL takes the writes, but past its untuned comfort: an error becomes a warning.
        QVERIFY(has(c.added, "write-velocity-tuning-band"));
        QCOMPARE(c.openAfter(), c.openBefore());
        QCOMPARE(c.swapped.findElement("sessions")->technology.value_or(""),
                 std::string("postgresql"));
        QCOMPARE(model, shop());
    }

    void swapProblemsAreExplained() {
        const Model model = shop();
        const auto& kb = builtinKnowledge();
        QVERIFY(QString::fromStdString(compareTechnologySwap(model, kb, "nope", "redis").problem)
                    .contains("no element"));
        QVERIFY(QString::fromStdString(compareTechnologySwap(model, kb, "sessions", "foo").problem)
                    .contains("not a technology"));
        QVERIFY(
            QString::fromStdString(compareTechnologySwap(model, kb, "sessions", "sqlite").problem)
                .contains("already runs on"));
    }
};

QTEST_APPLESS_MAIN(TestPatternTemplates)
#include "tst_pattern_templates.moc"
