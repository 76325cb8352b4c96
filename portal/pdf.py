"""The project overview PDF: partners, events, good practices and the phase-2 monitoring
summary with the dashboard's charts, then each region's actions in the latest period.

It draws on projects, events and action plans at once, so the shell composes it (events
and actionplans stand on the same floor and may not import each other). Its figures count
the reports handed in, not only the accepted ones, so it is the coordinators' document:
those who may follow the project's monitoring (actionplans.manage_monitoring) ask for it on
the dashboard.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from actionplans.monitoring import charts, dashboard
from actionplans.monitoring.selectors import period_actions
from actionplans.rules import can
from events.selectors import public_events
from portal.core.reports.kinds import Kind, Layout, register
from projects import selectors as projects
from projects.models import Project

# Groups of bars that fit on one A4 page beside the chart's title and legend.
CHART_GROUPS_PER_PAGE = 12


def load_project(pk: int) -> Project:
    return Project.objects.select_related("programme").prefetch_related("phases").get(pk=pk)


def overview_layout(project) -> Layout:
    board = dashboard.build(project)
    actions = period_actions(board.period, dashboard.HANDED_IN)
    regions = [(row, actions.get(row.partnership.pk, [])) for row in board.rows]
    return Layout(
        template="reports/project_overview.html",
        context={
            "project": project,
            "partners": list(projects.partnerships().filter(project=project)),
            "events": list(public_events().filter(project=project).order_by("starts_at")),
            "practices": list(
                projects.public_practices()
                .filter(project=project)
                .select_related("region", "organisation")
                .order_by("region__name", "title")
            ),
            "board": board,
            "charts": [
                piece
                for chart in charts.dashboard_charts(board)
                for piece in charts.split(chart, CHART_GROUPS_PER_PAGE)
            ],
            "regions": regions,
            "is_demo": any(row.plan is not None and row.plan.is_demo for row in board.rows),
            "report_author": project.acronym,
        },
        title=f"{project.acronym}: {project.title}",
        subtitle=str(project.programme) if project.programme_id else "",
    )


def register_kinds() -> None:
    register(
        Kind(
            name="project-overview",
            label=gettext_lazy("Project overview as a PDF"),
            kind_label=gettext_lazy("Project overview"),
            load=load_project,
            may_view=lambda user, project: can(user, "actionplans.manage_monitoring", project),
            layout=overview_layout,
            page_url=lambda project: f"{reverse('actionplans:dashboard')}?project={project.slug}",
            filename=lambda project: f"project-overview-{project.slug}",
        )
    )
