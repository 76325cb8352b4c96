"""The coordinators' monitoring dashboard, its exports and the project's schedule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actionplans.models import MonitoringPeriod
from actionplans.monitoring import charts, exports
from actionplans.monitoring.dashboard import build
from actionplans.monitoring.forms import DashboardFilter, ScheduleForm
from actionplans.monitoring.periods import schedule_of, schedule_save
from actionplans.rules import can
from projects.models import Project, ProjectRole
from projects.selectors import grants_for


def followed_projects(user):
    """The projects whose monitoring a user follows: those they coordinate."""
    if user.is_superuser:
        return Project.objects.filter(monitoring_periods__isnull=False).distinct()
    coordinated = {g.project_id for g in grants_for(user) if g.role == ProjectRole.Role.COORDINATOR}
    return Project.objects.filter(pk__in=coordinated)


def _chosen_project(request):
    """The project asked for (or the user's first), or 404 to anyone who follows none."""
    projects = followed_projects(request.user).order_by("acronym")
    slug = request.GET.get("project")
    project = projects.filter(slug=slug).first() if slug else projects.first()
    if project is None:
        raise Http404
    return project, projects


@login_required
def dashboard(request):
    project, projects = _chosen_project(request)
    periods = [(p.number, str(p)) for p in MonitoringPeriod.objects.filter(project=project)]
    form = DashboardFilter(request.GET or None, projects=projects, periods=periods)
    chosen = form.cleaned_data if form.is_valid() else {}
    board = build(
        project, period_number=chosen.get("period") or None, status=chosen.get("status", "")
    )
    return render(
        request,
        "actionplans/dashboard.html",
        {
            "board": board,
            "form": form,
            "charts": charts.dashboard_charts(board),
            "series": charts.SERIES,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def export(request, file_format):
    if file_format not in ("csv", "xlsx"):
        raise Http404
    project, _projects = _chosen_project(request)
    name = f"monitoring-{project.slug}"
    if file_format == "csv":
        response = HttpResponse(exports.as_csv(project), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    response = HttpResponse(
        exports.as_xlsx(project),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def schedule(request, slug):
    project = Project.objects.filter(slug=slug).first()
    if project is None or not can(request.user, "actionplans.manage_monitoring", project):
        raise Http404
    current = schedule_of(project)
    form = ScheduleForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            schedule_save(user=request.user, project=project, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved: the reporting periods follow the new schedule."))
            return redirect(f"{reverse('actionplans:dashboard')}?project={project.slug}")
    return render(
        request,
        "actionplans/monitoring_schedule.html",
        {
            "project": project,
            "form": form,
            "periods": MonitoringPeriod.objects.filter(project=project),
        },
    )
