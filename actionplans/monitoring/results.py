"""What the public sees of phase 2: the results of the reports the coordinator accepted,
as they were accepted, on the plan's page and, summed up across regions, on the
project's page. A report not yet accepted shows nothing."""

from dataclasses import dataclass

from actionplans.documents.display import Shown, display
from actionplans.models import ProgressReport
from actionplans.monitoring.content import REPORT
from actionplans.monitoring.figures import Figures, content_figures


@dataclass
class PlanResults:
    report: ProgressReport
    doc: Shown
    figures: Figures


def _accepted():
    return ProgressReport.objects.filter(
        accepted_version__isnull=False, plan__approved_version__isnull=False
    ).select_related("accepted_version", "period")


def plan_results(plan) -> PlanResults | None:
    """The plan's latest accepted report, in one query."""
    report = _accepted().filter(plan=plan).order_by("-period__number").first()
    if report is None:
        return None
    content = report.accepted_version.content
    return PlanResults(report, display(REPORT, content, {}, public=True), content_figures(content))


@dataclass
class RegionResult:
    report: ProgressReport
    figures: Figures


@dataclass
class ProjectResults:
    regions: list[RegionResult]
    total: Figures


def project_results(project) -> ProjectResults | None:
    """Each region's latest accepted report and the sum of them, in one query."""
    reports = (
        _accepted()
        .filter(period__project=project)
        .select_related("plan__partnership__region")
        .order_by("plan_id", "-period__number")
        .distinct("plan_id")
    )
    regions = [
        RegionResult(report, content_figures(report.accepted_version.content)) for report in reports
    ]
    if not regions:
        return None
    regions.sort(key=lambda r: r.report.plan.partnership.region.name)
    total = Figures()
    for region in regions:
        total.add(region.figures)
    return ProjectResults(regions, total)
