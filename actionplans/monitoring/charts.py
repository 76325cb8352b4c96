"""The dashboard's charts, drawn as SVG on the server.

Grouped horizontal bars of shares (0 to 100 %), one group per region or period, four bars a
group for the four figures; each chart comes with the same numbers as a data table. SVG
from the server needs no script, works without JavaScript, and is what WeasyPrint can put
into the PDF reports; the geometry is a few lines, so no chart library is needed.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

from actionplans.monitoring import figures

SERIES = [
    ("going_well_share", _("Actions on track or completed")),
    ("indicator_share", _("Indicator progress toward targets")),
    ("improved_share", _("Policy instruments improved")),
    ("budget_share", _("Budget spent of estimated")),
]
LABEL_WIDTH, BAR_WIDTH, BAR_HEIGHT, GAP, TOP = 190, 360, 11, 12, 8


@dataclass
class Bar:
    series: int
    value: float | None
    text: str
    x: int = LABEL_WIDTH
    y: int = 0
    width: float = 0.0


@dataclass
class Group:
    label: str
    y: int
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    id: str
    title: str
    caption: str
    groups: list[Group]
    height: int
    series: list = field(default_factory=lambda: [label for _name, label in SERIES])
    width: int = LABEL_WIDTH + BAR_WIDTH + 70


def grouped(chart_id: str, title: str, caption: str, rows) -> Chart:
    """`rows` are (label, dashboard Figures); shares over 100 % are drawn to the edge."""
    groups, y = [], TOP
    for label, numbers in rows:
        group = Group(str(label), y)
        for index, (name, _label) in enumerate(SERIES):
            value = getattr(numbers, name)
            shown = figures.percent(value)
            group.bars.append(
                Bar(
                    series=index,
                    value=value,
                    text="–" if shown is None else f"{shown} %",
                    y=y + index * BAR_HEIGHT,
                    width=round(BAR_WIDTH * min(value or 0, 1), 1),
                )
            )
        groups.append(group)
        y += len(SERIES) * BAR_HEIGHT + GAP
    return Chart(chart_id, title, caption, groups, height=y)


def dashboard_charts(board) -> list[Chart]:
    """The dashboard's two charts (progress by region in its period, and period by
    period), as the dashboard page and the project overview PDF show them; empty ones are
    left out."""
    period_label = str(board.period) if board.period else ""
    by_region = grouped(
        "chart-regions",
        _("Progress by region"),
        _("Each region's latest handed-in figures for %(period)s.") % {"period": period_label},
        [(_("Whole project"), board.total)]
        + [(row.partnership.region.name, row.figures) for row in board.rows if row.figures],
    )
    by_period = grouped(
        "chart-periods",
        _("The project, period by period"),
        _("All handed-in reports of each period together."),
        [(period.short_label, numbers) for period, numbers in board.by_period],
    )
    return [chart for chart in (by_region, by_period) if chart.groups]


def split(chart: Chart, size: int) -> list[Chart]:
    """A chart cut into charts of at most `size` groups each, for pages: an SVG image
    cannot break across two pages, so a chart of 30 regions becomes three."""
    if len(chart.groups) <= size:
        return [chart]
    pieces = []
    for start in range(0, len(chart.groups), size):
        groups, offset = chart.groups[start : start + size], chart.groups[start].y - TOP
        moved = [
            Group(g.label, g.y - offset, [replace(b, y=b.y - offset) for b in g.bars])
            for g in groups
        ]
        pieces.append(
            replace(
                chart,
                id=f"{chart.id}-{len(pieces) + 1}",
                groups=moved,
                height=moved[-1].y + len(SERIES) * BAR_HEIGHT + GAP,
            )
        )
    return pieces
