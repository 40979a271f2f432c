// The what-if scale on the canvas: flow labels show the rates the findings quote.
#include "plumbline/ui/diagram/diagram_items.h"
#include "plumbline/ui/diagram/diagram_scene.h"

namespace plumb::ui::diagram {

void DiagramScene::setRateScale(double scale) {
    if (scale <= 0 || scale == m_rateScale) return;
    m_rateScale = scale;
    if (!m_document) return;
    for (const plumb::Flow& flow : m_document->model().flows)
        if (FlowItem* item = m_flows.value(QString::fromStdString(flow.id)))
            item->setFlow(flow, scale);
}

} // namespace plumb::ui::diagram
