"""The workspace: a user's plans, one plan with its review, and its workflow steps."""

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
from actionplans.content import PLAN, content_of, plan_with_content
from actionplans.documents.display import display
from actionplans.forms import PlanCreateForm, RemarkForm, StepForm
from actionplans.rules import can
from actionplans.views.access import viewable_plan


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
        {
            "filed": filed,
            "overviews": selectors.coordinator_overview(reviewed),
            "today": timezone.localdate(),
        },
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
    plan = viewable_plan(request, pk)
    content = content_of(plan_with_content(pk))
    checklist = plan_checklist(content)
    review = selectors.plan_review(plan)
    reviewer = can(request.user, "actionplans.review_plan", plan)
    return render(
        request,
        "actionplans/detail.html",
        {
            "plan": plan,
            "doc": selectors.with_remarks(
                display(PLAN, content, selectors.references(content)), review
            ),
            "checklist": checklist,
            "missing": [item for status in checklist for item in status.missing],
            "steps": workflow.available_steps(request.user, plan),
            "step_form": StepForm(),
            "remark_form": RemarkForm(plan=plan),
            "review": review,
            "since_reviewed": selectors.last_reviewed(plan, request.user) if reviewer else None,
            "transitions": selectors.plan_transitions(plan),
            "can_edit": can(request.user, "actionplans.change_plan", plan),
            "can_remark": can(request.user, "actionplans.comment_plan", plan),
        },
    )


@login_required
@require_POST
def plan_step(request, pk, step):
    plan = viewable_plan(request, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("comment", [])))
        return redirect("actionplans:detail", plan.pk)
    try:
        transition = workflow.plan_transition(
            user=request.user, plan=plan, step=step, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Done: the plan's state is now “%(state)s”.")
            % {"state": transition.get_target_display()},
        )
    return redirect("actionplans:detail", plan.pk)


@login_required
@require_POST
def plan_remark(request, pk):
    plan = viewable_plan(request, pk, "actionplans.comment_plan")
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
def endorsement_letter(request, pk):
    plan = viewable_plan(request, pk)
    if not plan.endorsement_letter:
        raise Http404
    try:
        letter = plan.endorsement_letter.open("rb")
    except FileNotFoundError:
        raise Http404(_("The letter's file is missing; upload it again.")) from None
    return FileResponse(
        letter,
        content_type="application/pdf",
        filename=f"endorsement-{plan.slug}.pdf",
    )
