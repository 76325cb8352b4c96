"""The page of an approved plan, for everyone."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from actionplans import selectors
from actionplans.content import PLAN
from actionplans.documents.display import display
from actionplans.models import ActionPlan
from actionplans.monitoring.results import plan_results
from portal.core.cache import public_page


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
            "doc": display(PLAN, content, selectors.references(content), public=True),
            "results": plan_results(plan),
        },
    )
