"""A plan's versions: the list, one version, two compared, and restoring one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplans import selectors, services
from actionplans.content import PLAN
from actionplans.documents.diff import compare
from actionplans.documents.display import display
from actionplans.models import PlanVersion
from actionplans.rules import can
from actionplans.views.access import posted_version, viewable_plan


@login_required
def plan_history(request, pk):
    plan = viewable_plan(request, pk)
    return render(
        request,
        "actionplans/history.html",
        {
            "plan": plan,
            "versions": selectors.plan_versions(plan),
            "can_restore": can(request.user, "actionplans.change_plan", plan),
        },
    )


def _version(plan, pk) -> PlanVersion:
    try:
        return selectors.plan_version(plan, pk)
    except (PlanVersion.DoesNotExist, ValueError, TypeError):
        raise Http404(_("This plan has no such version.")) from None


@login_required
def plan_version(request, pk, version_pk):
    plan = viewable_plan(request, pk)
    version = _version(plan, version_pk)
    return render(
        request,
        "actionplans/version.html",
        {
            "plan": plan,
            "version": version,
            "doc": display(PLAN, version.content, selectors.references(version.content)),
            "can_restore": can(request.user, "actionplans.change_plan", plan),
        },
    )


@login_required
def plan_compare(request, pk):
    plan = viewable_plan(request, pk)
    older = _version(plan, request.GET.get("a"))
    newer = _version(plan, request.GET.get("b"))
    return render(
        request,
        "actionplans/compare.html",
        {
            "plan": plan,
            "older": older,
            "newer": newer,
            "changes": compare(
                PLAN,
                older.content,
                newer.content,
                selectors.references(older.content, newer.content),
            ),
            "can_restore": can(request.user, "actionplans.change_plan", plan),
        },
    )


@login_required
@require_POST
def plan_restore(request, pk, version_pk):
    plan = viewable_plan(request, pk, "actionplans.change_plan")
    version = _version(plan, version_pk)
    try:
        services.plan_restore(
            user=request.user,
            plan=plan,
            version=version,
            expected_version=posted_version(request),
        )
    except services.VersionConflict as conflict:
        messages.error(request, conflict.message)
        return redirect("actionplans:history", plan.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("actionplans:history", plan.pk)
    messages.success(request, _("Restored as a new version; nothing was overwritten."))
    return redirect("actionplans:detail", plan.pk)
