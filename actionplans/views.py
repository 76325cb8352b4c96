"""The workspace pages for action plans, and the public page of an approved plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplans import selectors, services, workflow
from actionplans.checklist import plan_checklist
from actionplans.content import content_of, plan_with_content
from actionplans.diff import compare
from actionplans.document import document
from actionplans.forms import PARTS, ActionPart, PlanCreateForm, RemarkForm, StepForm
from actionplans.models import ActionPlan, PlanVersion
from actionplans.rules import can
from portal.core.cache import public_page


def _plan(request, pk, permission="actionplans.view_plan") -> ActionPlan:
    """The plan, if the user may see it; to anyone else a draft does not exist."""
    try:
        plan = selectors.workspace_plan(pk)
    except ActionPlan.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "actionplans.view_plan", plan):
        raise Http404
    if not can(request.user, permission, plan):
        raise PermissionDenied
    return plan


@login_required
def plan_list(request):
    filed = list(selectors.partnerships_filed_by(request.user))
    reviewed = list(selectors.partnerships_reviewed_by(request.user))
    plans = [p.action_plan for p in [*filed, *reviewed] if hasattr(p, "action_plan")]
    remarks, last_steps = selectors.open_remark_counts(plans), selectors.last_transitions(plans)
    for plan in plans:
        plan.remark_count, plan.last_step = remarks.get(plan.pk, 0), last_steps.get(plan.pk)
    return render(
        request,
        "actionplans/list.html",
        {"filed": filed, "reviewed": reviewed, "today": timezone.localdate()},
    )


@login_required
def plan_create(request):
    partnerships = selectors.partnerships_filed_by(request.user).filter(action_plan__isnull=True)
    form = PlanCreateForm(
        request.POST or None,
        partnerships=partnerships,
        initial={"partnership": request.GET.get("partnership"), "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(user=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan is started. Fill in its four parts."))
            return redirect("actionplans:edit", plan.pk, "general")
    return render(request, "actionplans/create.html", {"form": form})


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    content = content_of(plan_with_content(pk))
    checklist = plan_checklist(content)
    return render(
        request,
        "actionplans/detail.html",
        {
            "plan": plan,
            "doc": document(content, selectors.references(content)),
            "checklist": checklist,
            "missing": [item for status in checklist for item in status.missing],
            "steps": workflow.available_steps(request.user, plan),
            "step_form": StepForm(),
            "remark_form": RemarkForm(plan=plan),
            "remarks": selectors.review_remarks(plan),
            "transitions": selectors.plan_transitions(plan),
            "can_edit": can(request.user, "actionplans.change_plan", plan),
            "can_remark": can(request.user, "actionplans.comment_plan", plan),
        },
    )


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
            letter=part.letter,
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
    return render(
        request,
        "actionplans/edit.html",
        {
            "plan": plan,
            "part": part,
            "part_name": part_name,
            "checklist": plan_checklist(content),
            "next_url": next_url,
            "conflict": getattr(part, "conflict", None),
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
    plan = _plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    form = PARTS[part](request.POST or None, request.FILES or None, plan=plan, content=content)
    if request.method == "POST":
        response = _save(request, plan, form, _next_url(plan, part))
        if response:
            return response
    return _edit_page(request, plan, form, part, _next_url(plan, part))


@login_required
def action_list(request, pk):
    plan = _plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    return render(
        request,
        "actionplans/actions.html",
        {
            "plan": plan,
            "doc": document(content, selectors.references(content)),
            "checklist": plan_checklist(content),
            "part_name": "actions",
            "next_url": _next_url(plan, "actions"),
        },
    )


@login_required
def action_edit(request, pk, action_pk=None):
    plan = _plan(request, pk, "actionplans.change_plan")
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
    plan = _plan(request, pk, "actionplans.change_plan")
    content = content_of(plan_with_content(pk))
    remaining = [a for a in content["actions"] if a["id"] != action_pk]
    if len(remaining) == len(content["actions"]):
        raise Http404
    try:
        services.plan_write(
            user=request.user,
            plan=plan,
            expected_version=_posted_version(request),
            content={**content, "actions": remaining},
        )
    except services.VersionConflict as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action was removed; an earlier version still has it."))
    return redirect("actionplans:actions", plan.pk)


def _posted_version(request) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        raise ValidationError(_("The form was sent without the plan's version.")) from None


@login_required
@require_POST
def plan_step(request, pk, step):
    plan = _plan(request, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("comment", [])))
        return redirect("actionplans:detail", plan.pk)
    try:
        workflow.plan_transition(
            user=request.user, plan=plan, step=step, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Done: the plan is now %(state)s.")
            % {"state": ActionPlan.objects.get(pk=plan.pk).get_state_display().lower()},
        )
    return redirect("actionplans:detail", plan.pk)


@login_required
@require_POST
def plan_remark(request, pk):
    plan = _plan(request, pk, "actionplans.comment_plan")
    form = RemarkForm(request.POST, plan=plan)
    if form.is_valid():
        section, action_id = form.target()
        try:
            services.comment_add(
                user=request.user,
                plan=plan,
                section=section,
                action_id=action_id,
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your remark is added to this review."))
    else:
        messages.error(request, _("The remark was not added: write it, and choose what it is on."))
    return redirect(f"{reverse('actionplans:detail', args=[plan.pk])}#review")


@login_required
def plan_history(request, pk):
    plan = _plan(request, pk)
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
    plan = _plan(request, pk)
    version = _version(plan, version_pk)
    return render(
        request,
        "actionplans/version.html",
        {
            "plan": plan,
            "version": version,
            "doc": document(version.content, selectors.references(version.content)),
            "can_restore": can(request.user, "actionplans.change_plan", plan),
        },
    )


@login_required
def plan_compare(request, pk):
    plan = _plan(request, pk)
    versions = selectors.plan_versions(plan)
    older = _version(plan, request.GET.get("a"))
    newer = _version(plan, request.GET.get("b"))
    return render(
        request,
        "actionplans/compare.html",
        {
            "plan": plan,
            "older": older,
            "newer": newer,
            "versions": versions,
            "changes": compare(
                older.content, newer.content, selectors.references(older.content, newer.content)
            ),
            "can_restore": can(request.user, "actionplans.change_plan", plan),
        },
    )


@login_required
@require_POST
def plan_restore(request, pk, version_pk):
    plan = _plan(request, pk, "actionplans.change_plan")
    version = _version(plan, version_pk)
    try:
        services.plan_restore(
            user=request.user,
            plan=plan,
            version=version,
            expected_version=_posted_version(request),
        )
    except services.VersionConflict as conflict:
        messages.error(request, conflict.message)
        return redirect("actionplans:history", plan.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("actionplans:history", plan.pk)
    messages.success(request, _("Restored as a new version; nothing was overwritten."))
    return redirect("actionplans:detail", plan.pk)


@login_required
def endorsement_letter(request, pk):
    plan = _plan(request, pk)
    if not plan.endorsement_letter:
        raise Http404
    return FileResponse(
        plan.endorsement_letter.open("rb"),
        content_type="application/pdf",
        filename=f"endorsement-{plan.slug}.pdf",
    )


@public_page
def public_detail(request, slug):
    try:
        plan = selectors.public_plan(slug)
    except ActionPlan.DoesNotExist:
        raise Http404(_("No approved action plan at this address.")) from None
    content = plan.approved_version.content
    return render(
        request,
        "actionplans/public_detail.html",
        {
            "plan": plan,
            "approved": plan.approved_version,
            "doc": document(content, selectors.references(content), public=True),
        },
    )
