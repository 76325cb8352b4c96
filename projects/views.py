from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.cache import public_page
from portal.core.lists import filtered_list
from portal.core.middleware import csp_images_from
from projects import selectors, services
from projects.filters import PracticeFilter, ProjectFilter
from projects.forms import DeclineForm, PracticeProposalForm
from projects.models import GoodPractice, Project


@public_page
def project_list(request):
    return filtered_list(
        request,
        ProjectFilter(request.GET or None, queryset=selectors.project_list()),
        template="projects/list.html",
        fragment="projects/fragment_projects.html",
    )


@csp_images_from("MAP_TILE_URL")  # outside public_page: a cached page needs the tiles too
@public_page
def project_detail(request, slug):
    try:
        project = selectors.project_detail(slug)
    except Project.DoesNotExist:
        raise Http404("No project with that address.") from None
    by_region = {}
    for partnership in project.partnerships.all():
        by_region.setdefault(partnership.region, []).append(partnership)
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "partners_by_region": by_region.items(),
            "partner_organisations": list(
                {p.organisation_id: p.organisation for p in project.partnerships.all()}.values()
            ),
            "events": project.events.order_by("-starts_at"),
        },
    )


@public_page
def practice_list(request):
    return filtered_list(
        request,
        PracticeFilter(
            request.GET or None,
            queryset=selectors.public_practices().select_related("region", "project"),
        ),
        template="projects/practice_list.html",
        fragment="projects/fragment_practices.html",
    )


@public_page
def practice_detail(request, slug):
    try:
        practice = selectors.practice_detail(slug)
    except GoodPractice.DoesNotExist:
        raise Http404("No good practice with that address.") from None
    return render(request, "projects/practice_detail.html", {"practice": practice})


def practice_propose(request):
    if not request.user.is_authenticated:
        # The footer links here for everyone: a visitor first learns who may propose and
        # how to get an account, then logs in.
        return render(request, "projects/practice_propose_howto.html")
    partnerships = selectors.filing_partnerships(request.user)
    form = PracticeProposalForm(request.POST or None, partnerships=partnerships)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            practice = services.practice_propose(
                user=request.user,
                partnership=data["partnership"],
                text={field: data.get(field, "") for field in services.TEXT_FIELDS},
                approach=data["approach"],
                themes=data["themes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thank you. “%(title)s” goes to the project's coordinator for validation.")
                % {"title": practice.title},
            )
            return redirect("projects:practice-propose")
    proposals = selectors.proposals_by(request.user)
    return render(
        request,
        "projects/practice_propose.html",
        {"form": form, "can_file": partnerships.exists(), "proposals": proposals},
    )


@login_required
def practice_review_list(request):
    return render(
        request,
        "projects/practice_review.html",
        {
            "pending": selectors.practices_to_review(request.user),
            "decline_form": DeclineForm(),
            "may_review": request.user.has_perm("projects.view_review_queue"),
        },
    )


@login_required
@require_POST
def practice_review(request, slug):
    practice = get_object_or_404(GoodPractice.objects.select_related("project"), slug=slug)
    if not request.user.has_perm("projects.review_partner_work", practice.project):
        # Proposals are not public: to anyone else this one does not exist.
        raise Http404
    try:
        if request.POST.get("decision") == "validate":
            services.practice_validate(user=request.user, practice=practice)
            messages.success(request, _("“%(title)s” is now public.") % {"title": practice})
        else:
            form = DeclineForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Say why the practice is declined."))
                return redirect("projects:practice-review-list")
            services.practice_decline(
                user=request.user, practice=practice, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("“%(title)s” was declined.") % {"title": practice})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("projects:practice-review-list")
