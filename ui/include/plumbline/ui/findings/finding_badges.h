#pragma once
// Puts the findings on the canvas: each element item shows the worst unwaived severity as a
// badge and lists the finding titles in its tooltip. Only items whose findings changed (or
// that the scene rebuilt or refreshed since) are touched, so an edit costs little on large
// diagrams.

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace plumb::ui {

class FindingsModel;
namespace diagram {
class DiagramScene;
}

class FindingBadges : public QObject {
    Q_OBJECT
public:
    FindingBadges(FindingsModel* findings, diagram::DiagramScene* scene, QObject* parent = nullptr);

    // Brings every badge up to date with the findings (called on findingsChanged).
    void refresh();

private:
    FindingsModel* m_findings;
    diagram::DiagramScene* m_scene;
    // What each badged item was given; the tooltip reveals an item the scene re-created or
    // refreshed (setElement resets it).
    struct Applied {
        QStringList titles;
        QString toolTip;
    };
    QHash<QString, Applied> m_applied;
};

} // namespace plumb::ui
