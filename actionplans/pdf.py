"""The PDF reports of the action plans app: a plan laid out as the programme's template
(parts I to IV), and a phase-2 progress report for one region and period. Registered with
core's report machinery (portal.core.reports) when the app is ready.

Each layout reads the document through the same display model as the pages, so the PDF
says what the page says, in a fixed number of queries however many actions it has.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplans import selectors
from actionplans.content import PLAN, content_of, plan_with_content
from actionplans.documents.display import display
from actionplans.monitoring import selectors as monitoring
from actionplans.monitoring.content import REPORT
from actionplans.monitoring.figures import content_figures, percent
from actionplans.monitoring.workflow import REPORTS
from actionplans.rules import can
from portal.core.reports.kinds import Kind, Layout, register


def plan_layout(plan) -> Layout:
    content = content_of(plan_with_content(plan.pk))
    partnership = plan.partnership
    return Layout(
        template="reports/plan.html",
        context={
            "plan": plan,
            "doc": display(PLAN, content, selectors.references(content)),
            "is_demo": plan.is_demo,
            "report_author": partnership.organisation.name,
        },
        title=content.get("title") or plan.title,
        subtitle=f"{partnership.project.acronym} · {partnership.region.name}",
    )


def progress_layout(report) -> Layout:
    content = REPORTS.current_content(report)
    numbers = content_figures(content)
    partnership = report.plan.partnership
    return Layout(
        template="reports/progress_report.html",
        context={
            "report": report,
            "doc": display(REPORT, content, {}),
            "figures": numbers,
            "indicator_percent": percent(numbers.indicator_share),
            "is_demo": report.is_demo,
            "report_author": partnership.organisation.name,
        },
        title=_("Progress report of %(region)s") % {"region": partnership.region.name},
        subtitle=f"{partnership.project.acronym} · {report.period}",
    )


def register_kinds() -> None:
    register(
        Kind(
            name="plan",
            label=gettext_lazy("The plan as a PDF"),
            kind_label=gettext_lazy("Regional action plan"),
            load=selectors.workspace_plan,
            may_view=lambda user, plan: can(user, "actionplans.view_plan", plan),
            layout=plan_layout,
            page_url=lambda plan: reverse("actionplans:detail", args=[plan.pk]),
            filename=lambda plan: f"action-plan-{plan.slug}",
        )
    )
    register(
        Kind(
            name="progress-report",
            label=gettext_lazy("The report as a PDF"),
            kind_label=gettext_lazy("Phase-2 progress report"),
            load=monitoring.workspace_report,
            may_view=lambda user, report: can(user, "actionplans.view_report", report),
            layout=progress_layout,
            page_url=lambda report: reverse("actionplans:report", args=[report.pk]),
            filename=lambda report: f"progress-report-{report.plan.slug}-{report.period.number}",
        )
    )
