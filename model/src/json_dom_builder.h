#pragma once
// The SAX handler that builds nlohmann DOMs for the readers: json_parse.cpp builds whole
// documents with it, model_json_stream.cpp one element at a time.

#include "plumbline/diagnostics.h"
#include "plumbline/model.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace plumb::detail {

// Builds the DOM while tracking the JSON Pointer of the value being read, so that even a
// parse-level error (a number out of range, a syntax error) can name the path of the value it
// happened in. It builds the same DOM as nlohmann's json_sax_dom_parser (a repeated key keeps
// its first position and takes the last value), except that the members of a large object are
// found through a hash: ordered_json looks keys up linearly, which made a 10,000-entry
// `layout` object cost 50 million string compares (#16).
class DomBuildingSax {
public:
    using number_integer_t = Json::number_integer_t;
    using number_unsigned_t = Json::number_unsigned_t;
    using number_float_t = Json::number_float_t;
    using string_t = Json::string_t;
    using binary_t = Json::binary_t;

    explicit DomBuildingSax(Json& out) : root_(&out) {}

    // Builds the next value into `out`, reusing the stack's memory (model_json_stream.cpp builds
    // one small DOM per element).
    void restart(Json& out) {
        root_ = &out;
        stack_.clear();
        member_ = nullptr;
    }

    bool null() { return done(nullptr); }
    bool boolean(bool v) { return done(v); }
    bool number_integer(number_integer_t v) { return done(v); }
    bool number_unsigned(number_unsigned_t v) { return done(v); }
    bool number_float(number_float_t v, const string_t&) { return done(v); }
    // The lexer clears its buffer before the next token, so the string can be moved out.
    bool string(string_t& v) { return done(std::move(v)); }
    bool binary(binary_t& v) { return done(std::move(v)); }
    bool start_object(std::size_t) {
        Json* object = place(Json::value_t::object);
        stack_.push_back({false, 0, {}, object, nullptr});
        return true;
    }
    bool key(string_t& k) {
        Frame& frame = stack_.back();
        frame.key = k;
        auto& object = frame.value->get_ref<Json::object_t&>();
        // ordered_map is a vector of pairs; reached as one, to index it and append to it.
        auto& members = static_cast<Json::object_t::Container&>(object);
        // Small objects (the usual case) are searched as ordered_map would; a large one gets
        // an index of its keys once it passes kIndexFrom members.
        constexpr std::size_t kIndexFrom = 16;
        if (!frame.keys && members.size() >= kIndexFrom) {
            frame.keys = std::make_unique<std::unordered_map<std::string, std::size_t>>();
            frame.keys->reserve(members.size() * 2);
            for (std::size_t i = 0; i < members.size(); ++i)
                frame.keys->emplace(members[i].first, i); // keys are unique here
        }
        if (frame.keys) {
            auto [it, inserted] = frame.keys->emplace(k, members.size());
            if (inserted) members.emplace_back(k, Json());
            member_ = &members[it->second].second;
        } else {
            member_ = &object[k]; // linear, as ordered_map does
        }
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        return done();
    }
    bool start_array(std::size_t) {
        Json* array = place(Json::value_t::array);
        stack_.push_back({true, 0, {}, array, nullptr});
        return true;
    }
    bool end_array() {
        stack_.pop_back();
        return done();
    }
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& e) {
        errorPath = currentPath();
        errorPosition = position;
        errorToken = token;
        errorId = e.id;
        errorWhat = e.what();
        return false;
    }

    std::string errorPath, errorToken, errorWhat;
    std::size_t errorPosition = 0;
    int errorId = 0;

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
        Json* value; // the array or object being filled
        std::unique_ptr<std::unordered_map<std::string, std::size_t>> keys;
    };
    // Stores a value where the parser is: the root, the next array element, or the member
    // whose key was read last. Containers being filled never grow while a child is open, so
    // the pointers on the stack stay valid.
    template <typename V> Json* place(V&& v) {
        if (stack_.empty()) {
            *root_ = Json(std::forward<V>(v));
            return root_;
        }
        Frame& top = stack_.back();
        if (top.array) {
            auto& elements = top.value->get_ref<Json::array_t&>();
            elements.emplace_back(std::forward<V>(v));
            return &elements.back();
        }
        *member_ = Json(std::forward<V>(v));
        return member_;
    }
    template <typename V> bool done(V&& v) {
        place(std::forward<V>(v));
        return done();
    }
    bool done() {
        if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
        return true;
    }
    std::string currentPath() const {
        std::string path;
        for (const auto& f : stack_) {
            path += '/';
            path += f.array ? std::to_string(f.index) : escapePointerToken(f.key);
        }
        return path;
    }

    Json* root_;
    Json* member_ = nullptr;
    std::vector<Frame> stack_;
};

} // namespace plumb::detail
