// Hostile input for the importers: each is refused with ONE clear error naming the file and a
// line:column or JSON path, never a crash, a hang or unbounded memory.
#include "../fuzz/fuzz_drawio_entries.h"
#include "interop/drawio_decode.h"
#include "plumbline/interop/importer.h"
#include "plumbline/model_files.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <zlib.h>

using namespace plumb;
using namespace plumb::interop;

namespace {

ImportResult readAs(std::string_view format, const std::string& text) {
    for (const Importer& i : importers())
        if (i.format == format) return i.read({"bad.input", text, nullptr});
    return {};
}

std::string deflateRaw(const std::string& data) {
    z_stream s{};
    deflateInit2(&s, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&s, data.size()), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    s.avail_in = static_cast<uInt>(data.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

std::string base64(const std::string& data) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned v = (unsigned char)data[i] << 16 | (unsigned char)data[i + 1] << 8 |
                           (unsigned char)data[i + 2];
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63],
            out += table[v & 63];
    }
    if (i + 1 == data.size()) {
        const unsigned v = (unsigned char)data[i] << 16;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += "==";
    } else if (i + 2 == data.size()) {
        const unsigned v = (unsigned char)data[i] << 16 | (unsigned char)data[i + 1] << 8;
        out += table[v >> 18 & 63], out += table[v >> 12 & 63], out += table[v >> 6 & 63],
            out += '=';
    }
    return out;
}

void expectOneError(const ImportResult& r, const std::string& fragment, bool located = true) {
    QVERIFY(!r.ok());
    QCOMPARE(r.errors.size(), std::size_t(1));
    const std::string message = r.errors.front().toString();
    QVERIFY2(message.find("bad.input") != std::string::npos, message.c_str());
    QVERIFY2(message.find(fragment) != std::string::npos, message.c_str());
    if (located) QVERIFY2(r.errors.front().line || !r.errors.front().path.empty(), message.c_str());
}

} // namespace

class TestImportHostile : public QObject {
    Q_OBJECT

private slots:
    void truncatedXml() {
        expectOneError(
            readAs("drawio", "<mxfile><diagram name=\"a\"><mxGraphModel><root><mxCell id="),
            "truncated");
    }
    void invalidUtf8() {
        expectOneError(readAs("drawio", "<mxfile><diagram name=\"\xff\xfe\"/></mxfile>"),
                       "not well-formed");
    }
    void billionLaughsRefused() {
        const std::string text =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
            "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
            "<mxfile><diagram name=\"&lol3;\"/></mxfile>";
        expectOneError(readAs("drawio", text), "DTD");
    }
    void externalEntityRefused() {
        const std::string text =
            "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM "
            "\"file:///etc/passwd\">]><mxfile><diagram name=\"&x;\"/></mxfile>";
        expectOneError(readAs("drawio", text), "DTD");
    }
    void deepNestingRefused() {
        std::string text = "<mxfile>";
        for (int i = 0; i < 100000; ++i)
            text += "<a>";
        QElapsedTimer t;
        t.start();
        expectOneError(readAs("drawio", text), "nested deeper");
        QVERIFY(t.elapsed() < 5000);
    }
    void deepJsonRefused() {
        std::string text = "{\"summary\":{},\"detail\":";
        for (int i = 0; i < 100000; ++i)
            text += "[";
        expectOneError(readAs("threat-dragon", text), "nest", false);
        std::string otm = "{\"otmVersion\":\"0.2.0\",\"components\":";
        for (int i = 0; i < 100000; ++i)
            otm += "[";
        expectOneError(readAs("otm", otm), "nest", false);
    }
    void compressionBombRefused() {
        // 200 MB of zeros deflate to about 200 KB: inflating must stop at the cap.
        const std::string zeros(std::size_t{200} << 20, '0');
        const std::string page = base64(deflateRaw(zeros));
        QElapsedTimer t;
        t.start();
        expectOneError(
            readAs("drawio", "<mxfile><diagram name=\"bomb\">" + page + "</diagram></mxfile>"),
            "compression bomb");
        QVERIFY(t.elapsed() < 10000);
    }
    void badBase64() {
        expectOneError(
            readAs("drawio", "<mxfile><diagram name=\"p\">not*base64!</diagram></mxfile>"),
            "base64");
    }
    void badDeflate() {
        expectOneError(readAs("drawio", "<mxfile><diagram name=\"p\">" +
                                            base64("not deflate at all") + "</diagram></mxfile>"),
                       "page 'p'");
    }
    void badXmlInsideCompressedPage() {
        const std::string page = base64(deflateRaw("%3CmxGraphModel%3E%3Croot%3E%3CmxCell"));
        expectOneError(
            readAs("drawio", "<mxfile><diagram name=\"p\">" + page + "</diagram></mxfile>"),
            "decompressed");
    }
    void hugeFileRefusedBeforeParsing() {
        std::string text = "<mxfile>";
        text.resize((std::size_t{256} << 20) + 10, ' ');
        expectOneError(readAs("drawio", text), "MB", false);
    }
    void parentCycleDoesNotHang() {
        auto r = readAs(
            "drawio",
            "<mxGraphModel><root><mxCell id=\"0\"/><mxCell id=\"1\" parent=\"0\"/>"
            "<mxCell id=\"a\" value=\"A\" vertex=\"1\" parent=\"b\"/>"
            "<mxCell id=\"b\" value=\"B\" vertex=\"1\" parent=\"a\"/></root></mxGraphModel>");
        QVERIFY(r.ok() || !r.errors.empty());
    }
    void truncatedJson() {
        expectOneError(readAs("threat-dragon", "{\"summary\": {\"title\": \"x\"}, \"detail\": {"),
                       "");
        expectOneError(readAs("otm", "{\"otmVersion\": \"0.2.0\", \"components\": [{"), "");
    }
    void threatDragonV1Refused() {
        expectOneError(
            readAs("threat-dragon", R"({"summary": {"title": "old"}, "detail": {"diagrams": []}})"),
            "Threat Dragon v2");
    }
    void otmWrongShape() {
        expectOneError(readAs("otm", R"({"otmVersion": "0.2.0", "components": {"a": 1}})"),
                       "/components");
    }
    void unrecognisedJsonIsRefusedByName() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("workspace.json").toStdString();
        std::ofstream(path) << R"({"version": 2, "projects": {"app": {"root": "apps/app"}}})";
        auto loaded = loadAnyModel(path, nullptr);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errors.size(), std::size_t(1));
        const std::string message = loaded.errors.front().toString();
        QVERIFY2(message.find("not a format Plumbline knows") != std::string::npos,
                 message.c_str());
        QVERIFY2(message.find("draw.io") != std::string::npos, message.c_str());
        QVERIFY2(message.find("Threat Dragon") != std::string::npos, message.c_str());
    }

    // The draw.io fuzz target's promise (fuzz_drawio_entries.h) on its seeds and the shared
    // samples, and on a deterministic mutation run over them (bytes deleted, duplicated or
    // replaced by XML punctuation), so that it holds in every CI run, not only under `make fuzz`.
    void drawioFuzzPromiseHoldsOnSeedsAndMutations() {
        std::vector<std::string> seeds;
        for (const char* folder : {PLUMBLINE_SOURCE_DIR "/tests/fuzz/corpus/drawio",
                                   PLUMBLINE_SOURCE_DIR "/../shared/interop-samples/drawio"}) {
            for (const auto& entry : std::filesystem::directory_iterator(folder)) {
                std::ifstream in(entry.path(), std::ios::binary);
                std::stringstream text;
                text << in.rdbuf();
                seeds.push_back(text.str());
                const std::string broken = fuzz::drawio(seeds.back());
                QVERIFY2(broken.empty(), (entry.path().string() + ": " + broken).c_str());
            }
        }
        QVERIFY(seeds.size() >= 10);
        const std::string alphabet = "<>/=\"&;#x!-[]?\n \xff";
        std::uint64_t state = 0x9E3779B97F4A7C15u;
        auto next = [&state] {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            return state;
        };
        for (int round = 0; round < 1500; ++round) {
            std::string text = seeds[round % seeds.size()];
            for (int edits = 1 + next() % 4; edits > 0 && !text.empty(); --edits) {
                const std::size_t at = next() % text.size();
                switch (next() % 3) {
                case 0:
                    text.erase(at, 1 + next() % 16);
                    break;
                case 1:
                    text.insert(at, text.substr(at, 1 + next() % 32));
                    break;
                default:
                    text[at] = alphabet[next() % alphabet.size()];
                    break;
                }
            }
            const std::string broken = fuzz::drawio(text);
            QVERIFY2(broken.empty(), ("mutation " + std::to_string(round) + ": " + broken).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestImportHostile)
#include "tst_import_hostile.moc"
