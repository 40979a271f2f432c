#include "plumbline/arrange.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace plumb {

namespace {

double valueOf(const Number& n) {
    return n.value_or(0);
}

// One axis of a box: where it starts and how long it is.
struct Span {
    double start, length;
    double end() const { return start + length; }
    double centre() const { return start + length / 2; }
};

Span horizontal(const LayoutBox& box) {
    return {valueOf(box.x), valueOf(box.width)};
}
Span vertical(const LayoutBox& box) {
    return {valueOf(box.y), valueOf(box.height)};
}

} // namespace

std::optional<BoxBounds> boundsOf(const std::vector<LayoutBox>& boxes) {
    if (boxes.empty()) return std::nullopt;
    double left = horizontal(boxes.front()).start, right = horizontal(boxes.front()).end();
    double top = vertical(boxes.front()).start, bottom = vertical(boxes.front()).end();
    for (const auto& box : boxes) {
        left = std::min(left, horizontal(box).start);
        right = std::max(right, horizontal(box).end());
        top = std::min(top, vertical(box).start);
        bottom = std::max(bottom, vertical(box).end());
    }
    return BoxBounds{left, top, right - left, bottom - top};
}

std::vector<LayoutBox> aligned(std::vector<LayoutBox> boxes, Alignment alignment) {
    if (boxes.size() < 2) return boxes;
    const BoxBounds b = *boundsOf(boxes);
    for (auto& box : boxes) {
        const Span h = horizontal(box), v = vertical(box);
        switch (alignment) {
        case Alignment::Left:
            box.x = b.x;
            break;
        case Alignment::Centre:
            box.x = b.x + (b.width - h.length) / 2;
            break;
        case Alignment::Right:
            box.x = b.x + b.width - h.length;
            break;
        case Alignment::Top:
            box.y = b.y;
            break;
        case Alignment::Middle:
            box.y = b.y + (b.height - v.length) / 2;
            break;
        case Alignment::Bottom:
            box.y = b.y + b.height - v.length;
            break;
        }
    }
    return boxes;
}

std::vector<LayoutBox> distributed(std::vector<LayoutBox> boxes, Distribution distribution) {
    if (boxes.size() < 3) return boxes;
    const bool across = distribution == Distribution::Horizontal;
    const auto span = [&](const LayoutBox& box) {
        return across ? horizontal(box) : vertical(box);
    };
    std::vector<std::size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // By start, then centre, then the given order: ties keep the selection order stable.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Span sa = span(boxes[a]), sb = span(boxes[b]);
        if (sa.start != sb.start) return sa.start < sb.start;
        return sa.centre() < sb.centre();
    });
    const Span first = span(boxes[order.front()]);
    double last = first.start;
    for (const auto& box : boxes) // the far edge of the whole group stays where it is
        last = std::max(last, span(box).end());
    double lengths = 0;
    for (const auto& box : boxes)
        lengths += span(box).length;
    const double gap = (last - first.start - lengths) / static_cast<double>(boxes.size() - 1);
    double at = first.start;
    for (std::size_t i = 0; i < order.size(); ++i) {
        LayoutBox& box = boxes[order[i]];
        const Span s = span(box);
        if (i + 1 == order.size()) at = last - s.length; // exactly, whatever rounding did
        (across ? box.x : box.y) = at;
        at += s.length + gap;
    }
    return boxes;
}

void offsetBoxes(std::vector<LayoutBox>& boxes, double dx, double dy) {
    for (auto& box : boxes) {
        box.x = valueOf(box.x) + dx;
        box.y = valueOf(box.y) + dy;
    }
}

std::vector<LayoutBox> contextsGrownToFit(const Model& model, const std::vector<LayoutBox>& edited,
                                          const std::vector<Element>& regrouped) {
    std::unordered_map<std::string, const LayoutBox*> boxes;
    for (const auto& box : model.layout)
        boxes[box.id] = &box;
    std::unordered_set<std::string> touched; // ids whose box or membership changes
    for (const auto& box : edited) {
        boxes[box.id] = &box;
        touched.insert(box.id);
    }
    std::unordered_map<std::string, const Element*> changedMembership;
    for (const auto& element : regrouped) {
        changedMembership[element.id] = &element;
        touched.insert(element.id);
    }
    // Each context's elements, as they will be.
    std::unordered_map<std::string, std::vector<const LayoutBox*>> members;
    std::unordered_set<std::string> affected;
    for (const auto& element : model.elements) {
        const auto regroupedIt = changedMembership.find(element.id);
        const Text& context =
            regroupedIt != changedMembership.end() ? regroupedIt->second->context : element.context;
        if (!context) continue;
        const auto box = boxes.find(element.id);
        if (box == boxes.end() || !box->second->x || !box->second->y) continue;
        members[*context].push_back(box->second);
        if (touched.count(element.id)) affected.insert(*context);
    }
    std::vector<LayoutBox> grown;
    for (const auto& context : model.contexts) {
        const auto box = boxes.find(context.id);
        if (box == boxes.end() || !box->second->x || !box->second->y) continue;
        if (!affected.count(context.id) && !touched.count(context.id)) continue;
        const auto held = members.find(context.id);
        if (held == members.end()) continue;
        const LayoutBox& frame = *box->second;
        double left = *frame.x, top = *frame.y;
        double right = left + valueOf(frame.width), bottom = top + valueOf(frame.height);
        for (const LayoutBox* member : held->second) {
            left = std::min(left, *member->x - kContextMargin);
            top = std::min(top, *member->y - kContextTitleBand - kContextMargin);
            right = std::max(right, *member->x + valueOf(member->width) + kContextMargin);
            bottom = std::max(bottom, *member->y + valueOf(member->height) + kContextMargin);
        }
        LayoutBox fitted = frame;
        fitted.x = left;
        fitted.y = top;
        fitted.width = right - left;
        fitted.height = bottom - top;
        if (!(fitted == frame)) grown.push_back(std::move(fitted));
    }
    return grown;
}

void growContextsWith(const Model& model, std::vector<LayoutBox>& edited,
                      const std::vector<Element>& regrouped) {
    for (LayoutBox& frame : contextsGrownToFit(model, edited, regrouped)) {
        std::erase_if(edited, [&](const LayoutBox& box) { return box.id == frame.id; });
        edited.push_back(std::move(frame));
    }
}

} // namespace plumb
