#include "plumbline/ui/diagram/clipboard.h"

#include "plumbline/model_fragment.h"
#include "plumbline/model_json.h"

#include <QMimeData>
#include <QObject>

namespace plumb::ui::diagram {

namespace {

// A clipboard is not a file: a fragment beyond this is a mistake, not a diagram.
constexpr std::size_t kMaxClipboardBytes = std::size_t{64} << 20;

} // namespace

QMimeData* fragmentMimeData(const plumb::Model& fragment) {
    const QByteArray json = QByteArray::fromStdString(plumb::writeModelJson(fragment));
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(kFragmentMimeType), json);
    data->setText(QString::fromUtf8(json));
    return data;
}

ClipboardFragment fragmentFromMimeData(const QMimeData* data) {
    ClipboardFragment result;
    if (!data || (!data->hasFormat(QString::fromLatin1(kFragmentMimeType)) && !data->hasText())) {
        result.problem = QObject::tr("the clipboard holds no text to paste");
        return result;
    }
    result.source = data->hasFormat(QString::fromLatin1(kFragmentMimeType))
                        ? data->data(QString::fromLatin1(kFragmentMimeType))
                        : data->text().toUtf8();
    const QByteArray trimmed = result.source.trimmed();
    if (trimmed.isEmpty()) {
        result.problem = QObject::tr("the clipboard is empty");
        return result;
    }
    if (!trimmed.startsWith('{')) {
        result.problem = QObject::tr("the clipboard holds text, not a Plumbline model (copy "
                                     "elements in Plumbline, or model JSON)");
        return result;
    }
    plumb::ModelReadOptions options;
    options.maxBytes = kMaxClipboardBytes;
    options.maxErrors = 1;
    const plumb::ModelReadResult read = plumb::readModelJson(
        std::string_view(trimmed.constData(), trimmed.size()), "clipboard", options);
    if (!read.ok()) {
        result.problem =
            QObject::tr("the clipboard's JSON is not a valid Plumbline model (%1)")
                .arg(read.errors.empty() ? QObject::tr("unreadable")
                                         : QString::fromStdString(read.errors.front().toString()));
        return result;
    }
    if (const std::string problem = plumb::fragmentProblem(*read.model); !problem.empty()) {
        result.problem = QObject::tr("the clipboard holds a Plumbline model, but %1")
                             .arg(QString::fromStdString(problem));
        return result;
    }
    result.fragment = *read.model;
    return result;
}

} // namespace plumb::ui::diagram
