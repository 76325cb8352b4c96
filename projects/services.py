"""Writes in projects: the good-practice validation the programme prescribes.

A partner member proposes a practice for their own partnership; the project's coordinator
validates it (it goes public) or declines it with a reason. Pages, the API and the admin
all come through here, so the same rules hold everywhere.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.core.text import unique_slug
from projects.models import GoodPractice, Partnership, ProjectRole

TEXT_FIELDS = (
    "title",
    "summary",
    "problem",
    "description",
    "resources",
    "evidence",
    "transferability",
    "lessons",
)


@transaction.atomic
def practice_propose(*, user, partnership: Partnership, text: dict, approach: str, themes=()):
    """Store a proposal written in the proposer's current language."""
    if not user.has_perm("projects.file_for_partnership", partnership):
        raise PermissionDenied(_("You do not file for this partner."))
    language = (get_language() or "en")[:2]
    practice = GoodPractice(
        slug=unique_slug(GoodPractice, text["title"]),
        project=partnership.project,
        organisation=partnership.organisation,
        region=partnership.region,
        approach=approach,
        status=GoodPractice.Status.PROPOSED,
        proposed_by=user,
        **{f"{field}_{language}": text.get(field, "") for field in TEXT_FIELDS},
    )
    practice.full_clean()
    practice.save()
    practice.themes.set(themes)
    return practice


def _review(user, practice: GoodPractice, status: str, reason: str = "") -> GoodPractice:
    if not user.has_perm("projects.review_partner_work", practice.project):
        raise PermissionDenied(_("Only the project's coordinator reviews its good practices."))
    # Lock the row: two coordinators deciding at once must not both think they decided.
    with transaction.atomic():
        practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
        if practice.status != GoodPractice.Status.PROPOSED:
            raise ValidationError(
                _("This practice was already %(status)s.")
                % {"status": practice.get_status_display().lower()},
                code="already_reviewed",
            )
        practice.status = status
        practice.decline_reason = reason.strip()
        practice.reviewed_by = user
        practice.reviewed_at = timezone.now()
        practice.full_clean()
        practice.save()
    return practice


def practice_validate(*, user, practice: GoodPractice) -> GoodPractice:
    return _review(user, practice, GoodPractice.Status.VALIDATED)


def practice_decline(*, user, practice: GoodPractice, reason: str) -> GoodPractice:
    return _review(user, practice, GoodPractice.Status.DECLINED, reason)


def project_role_erase(*, role: ProjectRole) -> None:
    """At an erased person's request: what they could do in a project goes with them."""
    role.delete()
