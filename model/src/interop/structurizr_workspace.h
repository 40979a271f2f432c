#pragma once
// What the two Structurizr readers (DSL and workspace JSON) hand to the one mapping: the
// workspace's people, software systems, containers, components, groups and relationships, as
// written, each with where it was found. structurizr_mapping.cpp turns this into a Model.

#include "plumbline/interop/importer.h"

#include <string>
#include <vector>

namespace plumb::interop::structurizr {

// Where something was written: line and column in a DSL file, or a JSON Pointer.
struct Location {
    std::string file;
    std::string path;
    int line = 0;
    int column = 0;
};

struct Property {
    std::string key;
    std::string value;
    Location at;
};

enum class ElementType { Person, SoftwareSystem, Container, Component, Custom };

struct Element {
    ElementType type = ElementType::Container;
    std::string identifier; // DSL identifier (may be empty) or JSON id
    std::string name;
    std::string description;
    std::string technology;
    std::vector<std::string> tags; // without Structurizr's default tags
    std::vector<Property> properties;
    int parent = -1;       // enclosing element (software system of a container, ...)
    int group = -1;        // innermost enclosing group
    bool external = false; // JSON `location: External`
    Location at;
};

struct Group {
    std::string name;
    int parent = -1;  // enclosing group
    int element = -1; // enclosing element
    Location at;
};

struct Relationship {
    int source = -1;
    int destination = -1;
    std::string identifier;
    std::string description;
    std::string technology;
    std::string interactionStyle; // JSON: Synchronous / Asynchronous
    std::vector<std::string> tags;
    std::vector<Property> properties;
    Location at;
};

struct Workspace {
    std::string name;
    std::string description;
    std::vector<Property> properties;
    std::vector<Element> elements;
    std::vector<Group> groups;
    std::vector<Relationship> relationships;
    std::vector<ImportNote> notes; // what the reader itself dropped (views, styles, ...)
};

// Short description of an element type for the report: "container".
std::string_view typeName(ElementType type);

// Maps a read workspace to a Model and the import report. `format` is the Importer::format.
ImportResult mapWorkspace(const Workspace& workspace, const ImportSource& source,
                          std::string_view format);

} // namespace plumb::interop::structurizr
