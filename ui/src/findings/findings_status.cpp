#include "plumbline/ui/findings/findings_status.h"

#include "plumbline/ui/findings/findings_model.h"
#include "plumbline/ui/findings/severity_style.h"
#include "plumbline/ui/what_if_text.h"

#include <QMouseEvent>

namespace plumb::ui {

FindingsStatus::FindingsStatus(FindingsModel* findings, QWidget* parent)
    : QLabel(parent), m_findings(findings) {
    setObjectName(QStringLiteral("findingsStatus"));
    setTextFormat(Qt::RichText);
    setCursor(Qt::PointingHandCursor);
    setContentsMargins(8, 0, 8, 0);
    connect(findings, &FindingsModel::findingsChanged, this, &FindingsStatus::refresh);
    refresh();
}

void FindingsStatus::refresh() {
    const int errors = m_findings->count(plumb::Severity::Error);
    const int warnings = m_findings->count(plumb::Severity::Warning);
    // Spelled out rather than "%n error(s)": the English text must read well untranslated.
    const QString errorText = errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors);
    const QString warningText = warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings);
    m_plain = errorText + QStringLiteral(" · ") + warningText;
    // While the what-if scale is not x1 the counts are for the scaled load: say so first.
    const QString whatIf = whatIfStatusText(m_findings->scale());
    if (!whatIf.isEmpty()) m_plain = whatIf + QStringLiteral(" · ") + m_plain;
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const auto coloured = [&](const QString& text, int count, plumb::Severity severity) {
        return QStringLiteral("<span style='color:%1;%2'>%3</span>")
            .arg(count ? severityColor(severity).name() : muted,
                 count ? QStringLiteral("font-weight:600") : QString(), text.toHtmlEscaped());
    };
    setText((whatIf.isEmpty() ? QString()
                              : QStringLiteral("<b>%1</b> · ").arg(whatIf.toHtmlEscaped())) +
            coloured(errorText, errors, plumb::Severity::Error) + QStringLiteral(" · ") +
            coloured(warningText, warnings, plumb::Severity::Warning));
    const int waived = m_findings->waivedCount();
    setToolTip(tr("%1 · %2 info · %3 waived — click to show the findings")
                   .arg(m_plain)
                   .arg(m_findings->count(plumb::Severity::Info))
                   .arg(waived));
    setAccessibleName(m_plain);
}

void FindingsStatus::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) emit clicked();
    QLabel::mousePressEvent(event);
}

} // namespace plumb::ui
