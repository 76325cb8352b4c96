"""A plan's versions: the list, one version, two compared, and restoring one."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from actionplans import services
from actionplans.views import versions
from actionplans.views.access import viewable_plan
from actionplans.workflow import PLANS

PAGES = versions.VersionPages(
    kind=PLANS,
    urls={
        "detail": "actionplans:detail",
        "history": "actionplans:history",
        "compare": "actionplans:compare",
        "version": "actionplans:version",
        "restore": "actionplans:restore",
    },
    document_template="actionplans/fragment_document.html",
    missing_version=_("The form was sent without the plan's version."),
)


@login_required
def plan_history(request, pk):
    return versions.history(request, PAGES, viewable_plan(request, pk))


@login_required
def plan_version(request, pk, version_pk):
    return versions.version(request, PAGES, viewable_plan(request, pk), version_pk)


@login_required
def plan_compare(request, pk):
    return versions.comparison(request, PAGES, viewable_plan(request, pk))


@login_required
@require_POST
def plan_restore(request, pk, version_pk):
    plan = viewable_plan(request, pk, "actionplans.change_plan")

    def restore(**kwargs):
        return services.plan_restore(plan=plan, **kwargs)

    return versions.restore(request, PAGES, plan, version_pk, restore)
