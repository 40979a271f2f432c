#include "plumbline/model_files.h"

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

ProjectLoadResult loadProjectOrModel(const std::string& path) {
    if (isProjectFileName(path)) return loadProject(path);
    ProjectLoadResult result;
    std::string bytes;
    if (auto err = readFileBytes(path, bytes)) {
        result.errors.push_back(*err);
        return result;
    }
    auto read = readModelJson(bytes, path);
    if (!read.ok()) {
        result.errors = std::move(read.errors);
        return result;
    }
    result.project = Project{std::move(*read.model), {}};
    return result;
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
    return writeFileAtomically(path, writeModelJson(project.model));
}

} // namespace plumb
