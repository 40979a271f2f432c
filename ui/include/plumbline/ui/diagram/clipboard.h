#pragma once
// The diagram's clipboard format: a fragment of a model (model_fragment.h) written as model
// JSON (model-format.md), under its own MIME type and as plain text, so it pastes into another
// window, another Plumbline, or a text editor, and model JSON from anywhere pastes back.

#include "plumbline/model.h"

#include <QString>
#include <optional>

class QMimeData;

namespace plumb::ui::diagram {

inline constexpr char kFragmentMimeType[] = "application/x-plumbline-fragment";

// New mime data holding `fragment` as application/x-plumbline-fragment and text/plain.
QMimeData* fragmentMimeData(const plumb::Model& fragment);

struct ClipboardFragment {
    std::optional<plumb::Model> fragment; // set when there is something to paste
    QString problem;                      // why not, in a sentence, otherwise
    QByteArray source;                    // the bytes read, to recognise a repeated paste
};

// Reads a fragment from clipboard data: the fragment type when present, else the text.
// Anything that is not a model with at least one element or context is refused with a reason
// (the JSON path and what was expected, as the command line reports it).
ClipboardFragment fragmentFromMimeData(const QMimeData* data);

} // namespace plumb::ui::diagram
