"""Editing a plan part by part; every save goes through services.plan_write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplans import selectors, services
from actionplans.checklist import plan_checklist
from actionplans.content import PLAN, content_of, plan_with_content
from actionplans.documents.display import display
from actionplans.forms import PARTS, RICH_TEXT_LABELS, ActionPart, part_editor
from actionplans.views.access import posted_version, viewable_plan


def _save(request, plan, part, next_url):
    """Save a part form's changes; returns a redirect, or None to show the form again."""
    if not part.is_valid():
        messages.error(request, _("Nothing was saved: please correct the marked fields."))
        return None
    content = part.apply(part.content)
    try:
        services.plan_write(
            user=request.user,
            plan=plan,
            expected_version=part.form.cleaned_data["version"],
            content=content,
            letter=part.uploads.get("endorsement.letter"),
        )
    except services.VersionConflict as conflict:
        part.conflict = conflict
        part.form.add_error(None, conflict.message)
        return None
    except ValidationError as error:
        part.add_service_error(error)
        return None
    messages.success(request, _("Saved."))
    if "continue" in request.POST:
        return redirect(next_url)
    return redirect(request.get_full_path())


def _edit_page(request, plan, part, part_name, next_url):
    content = part.content
    review = selectors.plan_review(plan)
    if isinstance(part, ActionPart):
        remarks = review.on_actions.get(part.action_id, []) if part.action_id else []
    else:
        remarks = review.on_parts.get(part_name, [])
    return render(
        request,
        "actionplans/edit.html",
        {
            "plan": plan,
            "part": part,
            "part_name": part_name,
            "checklist": plan_checklist(content),
            "next_url": next_url,
            "conflict": part.conflict,
            "remarks": remarks,
            "rich_text_labels": {key: str(label) for key, label in RICH_TEXT_LABELS.items()},
        },
    )


PART_ORDER = ["general", "policy", "actions", "endorsement"]


def _next_url(plan, part_name):
    following = PART_ORDER[PART_ORDER.index(part_name) + 1 :]
    if not following:
        return reverse("actionplans:detail", args=[plan.pk])
    if following[0] == "actions":
        return reverse("actionplans:actions", args=[plan.pk])
    return reverse("actionplans:edit", args=[plan.pk, following[0]])


@login_required
def plan_edit(request, pk, part):
    if part not in PARTS:
        raise Http404
    plan = viewable_plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    form = part_editor(
        part, request.POST or None, request.FILES or None, plan=plan, content=content
    )
    if request.method == "POST":
        response = _save(request, plan, form, _next_url(plan, part))
        if response:
            return response
    return _edit_page(request, plan, form, part, _next_url(plan, part))


@login_required
def action_list(request, pk):
    plan = viewable_plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    review = selectors.plan_review(plan)
    return render(
        request,
        "actionplans/actions.html",
        {
            "plan": plan,
            "doc": selectors.with_remarks(
                display(PLAN, content, selectors.references(content)), review
            ),
            "review": review,
            "checklist": plan_checklist(content),
            "part_name": "actions",
            "next_url": _next_url(plan, "actions"),
        },
    )


@login_required
def action_edit(request, pk, action_pk=None):
    plan = viewable_plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    if action_pk is not None and not any(a["id"] == action_pk for a in content["actions"]):
        raise Http404
    part = ActionPart(request.POST or None, plan=plan, content=content, action_id=action_pk)
    actions_url = reverse("actionplans:actions", args=[plan.pk])
    if request.method == "POST" and (response := _save(request, plan, part, actions_url)):
        if action_pk is None and "continue" not in request.POST:
            # The new action now has an id: keep editing it, not another new one.
            newest = plan.actions.order_by("-position").first()
            return redirect("actionplans:action", plan.pk, newest.pk)
        return response
    return _edit_page(request, plan, part, "actions", actions_url)


@login_required
@require_POST
def action_delete(request, pk, action_pk):
    plan = viewable_plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    remaining = [a for a in content["actions"] if a["id"] != action_pk]
    if len(remaining) == len(content["actions"]):
        raise Http404
    try:
        services.plan_write(
            user=request.user,
            plan=plan,
            expected_version=posted_version(request),
            content={**content, "actions": remaining},
        )
    except services.VersionConflict as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action was removed; an earlier version still has it."))
    return redirect("actionplans:actions", plan.pk)
