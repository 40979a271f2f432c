#include "plumbline/model_files.h"

#include "interop/formats.h"
#include "plumbline/json_parse.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace plumb {

bool isProjectFileName(const std::string& path) {
    const auto ext = std::filesystem::path(path).extension().string();
    return ext == ".plumb" || ext == ".PLUMB";
}

namespace {
// Model JSON as a project: snapshots travel in it as an optional top-level "history" array.
// Nothing on any error (they are appended to `errors`).
std::optional<Project> projectFromModelJson(std::string_view bytes, const std::string& path,
                                            std::vector<InputError>& errors) {
    auto read = readModelJson(bytes, path);
    if (!read.ok()) {
        errors.insert(errors.end(), read.errors.begin(), read.errors.end());
        return std::nullopt;
    }
    Project project{std::move(*read.model), {}};
    if (project.model.extra.contains("history")) {
        project.history = historyFromJson(project.model.extra["history"], path, errors);
        if (!errors.empty()) return std::nullopt;
        project.model.extra.erase("history");
    }
    return project;
}
} // namespace

ProjectLoadResult loadProjectOrModel(const std::string& path) {
    if (isProjectFileName(path)) return loadProject(path);
    ProjectLoadResult result;
    std::string bytes;
    if (auto err = readFileBytes(path, bytes)) {
        result.errors.push_back(*err);
        return result;
    }
    result.project = projectFromModelJson(bytes, path, result.errors);
    return result;
}

std::string knownFormatsList() {
    std::string out = "Plumbline model JSON (\"format\": \"plumbline-model\"), a .plumb project";
    for (const interop::Importer& importer : interop::importers())
        out += ", " + std::string(importer.title);
    return out;
}

namespace {
// Model JSON written by hand may leave out "format"; it still has the model's collections.
bool looksLikeModelJson(const std::vector<std::string>& keys) {
    for (const std::string& k : keys)
        if (k == "format" || k == "elements" || k == "contexts" || k == "flows") return true;
    return false;
}

// True when the document opens with `{"format": "plumbline-model"` (as Plumbline writes it), which
// no other format's file does. Such a file goes straight to the model reader: detecting the other
// formats scans the whole file for its top-level keys, four passes over 9 MB for a
// 10,000-element model (#16).
bool opensAsPlumblineModel(std::string_view bytes) {
    constexpr std::string_view kSpace = " \t\r\n";
    std::size_t i = bytes.find_first_not_of(kSpace);
    if (i != std::string_view::npos && bytes.substr(i).starts_with("\xEF\xBB\xBF"))
        i = bytes.find_first_not_of(kSpace, i + 3);
    auto expect = [&](std::string_view token) {
        if (i == std::string_view::npos || !bytes.substr(i).starts_with(token)) return false;
        i = bytes.find_first_not_of(kSpace, i + token.size());
        return true;
    };
    return expect("{") && expect("\"format\"") && expect(":") && expect("\"plumbline-model\"");
}

AnyModelLoadResult readAsModel(std::string_view bytes, const std::string& path) {
    AnyModelLoadResult result;
    result.project = projectFromModelJson(bytes, path, result.errors);
    return result;
}
} // namespace

AnyModelLoadResult loadAnyModel(const std::string& path, const KnowledgeBase* knowledge) {
    AnyModelLoadResult result;
    std::string bytes;
    if (auto err = readFileBytes(path, bytes)) {
        result.errors.push_back(*err);
        return result;
    }
    if (std::string_view(bytes).starts_with(std::string_view("SQLite format 3\0", 16)) ||
        isProjectFileName(path)) {
        auto loaded = loadProject(path);
        result.project = std::move(loaded.project);
        result.errors = std::move(loaded.errors);
        return result;
    }
    if (opensAsPlumblineModel(bytes)) {
        return readAsModel(bytes, path);
    }
    if (const interop::Importer* importer = interop::detectImporter(bytes)) {
        interop::ImportSource source{path, bytes, knowledge};
        interop::ImportResult imported = importer->read(source);
        result.import = std::move(imported.report);
        if (!imported.model) {
            result.errors = std::move(imported.errors);
            if (result.errors.empty())
                result.errors.push_back(
                    {path, "", std::string(importer->title) + ": cannot be read", {}, {}});
            return result;
        }
        result.project = Project{std::move(*imported.model), {}};
        return result;
    }
    const auto first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && bytes[first] != '{' && bytes[first] != '[' &&
        !std::string_view(bytes).substr(first).starts_with("\xEF\xBB\xBF")) {
        result.errors.push_back(
            {path, "", "not a format Plumbline knows; expected " + knownFormatsList(), {}, {}});
        return result;
    }
    // JSON: a model, unless its top-level keys say it is something else (an Nx/Angular
    // workspace.json, a package.json). Broken JSON goes to the model reader for its line:column.
    const auto keys = interop::topLevelJsonKeys(bytes);
    if (!keys.empty() && !looksLikeModelJson(keys)) {
        std::string some;
        for (std::size_t i = 0; i < keys.size() && i < 3; ++i)
            some += (i ? ", " : "") + std::string("\"") + keys[i] + "\"";
        result.errors.push_back({path,
                                 "",
                                 "this JSON is not a format Plumbline knows (top-level keys " +
                                     some + "); expected " + knownFormatsList(),
                                 {},
                                 {}});
        return result;
    }
    return readAsModel(bytes, path);
}

std::optional<InputError> writeFileAtomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    const fs::path temp = target.parent_path() /
                          (target.filename().string() + ".saving-" + std::to_string(::getpid()));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return InputError{
            path, "", "cannot write here: " + std::string(std::strerror(errno)), {}, {}};
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return InputError{path,
                              "",
                              "could not write the file (" + why +
                                  "); the previous file is unchanged",
                              {},
                              {}};
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    if (!synced || !closed) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return InputError{path,
                          "",
                          "could not write the file (" + why + "); the previous file is unchanged",
                          {},
                          {}};
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return InputError{path,
                          "",
                          "could not replace the file (" + why +
                              "); the previous file is unchanged",
                          {},
                          {}};
    }
    return std::nullopt;
}

std::optional<InputError> saveProjectOrModel(const std::string& path, const Project& project) {
    if (isProjectFileName(path)) return saveProject(path, project);
    if (project.history.empty()) return writeFileAtomically(path, writeModelJson(project.model));
    Json doc = modelToJson(project.model);
    doc["history"] = historyToJson(project.history);
    return writeFileAtomically(path, doc.dump(2) + "\n");
}

} // namespace plumb
