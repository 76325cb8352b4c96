"""Composing an issue, scheduling it and sending a test: the communication managers' side."""

import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from news import mailing
from news.models import Issue, IssueItem
from news.rules import can
from news.services.sending import issue_check_ready
from portal.core.mail import mail_queue_rendered

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def issue_write(
    *,
    user,
    issue: Issue | None = None,
    project,
    titles: dict,
    intros: dict,
    themes,
    cooperations,
    items: list[tuple[int | None, int | None]],
) -> Issue:
    """Create or change an issue, its topics and its items (article or event ids, in order).

    Only while it is a draft or scheduled: once sending starts, its web version is what
    the mails link to.
    """
    if issue is not None and not can(user, "news.edit_issue", issue):
        raise PermissionDenied(_("This issue can no longer be changed."))
    if not can(user, "news.manage_issue", project):
        raise PermissionDenied(_("You may not compose issues for this project."))
    seen = set()
    for article_id, event_id in items:
        if (article_id, event_id) in seen:
            raise ValidationError(
                _("The same news item or event is picked twice."), code="duplicate_item"
            )
        seen.add((article_id, event_id))
    with transaction.atomic():
        if issue is None:
            issue = Issue(created_by=user)
        issue.project = project
        for code in LANGUAGE_CODES:
            setattr(issue, f"title_{code}", titles.get(code, "").strip())
            setattr(issue, f"intro_{code}", intros.get(code, "").strip())
        issue.full_clean()
        issue.save()
        issue.themes.set(themes)
        issue.cooperations.set(cooperations)
        IssueItem.objects.filter(issue=issue).delete()
        IssueItem.objects.bulk_create(
            IssueItem(issue=issue, position=n, article_id=article_id, event_id=event_id)
            for n, (article_id, event_id) in enumerate(items, start=1)
        )
    return issue


def issue_schedule(*, user, issue: Issue, at) -> Issue:
    if not can(user, "news.edit_issue", issue):
        raise PermissionDenied(_("This issue can no longer be scheduled."))
    if at <= timezone.now():
        raise ValidationError(
            {"at": _("Choose a time in the future.")}, code="schedule_in_the_past"
        )
    issue_check_ready(issue)
    Issue.objects.filter(pk=issue.pk, state__in=[Issue.State.DRAFT, Issue.State.SCHEDULED]).update(
        state=Issue.State.SCHEDULED, scheduled_for=at, paused_reason="", updated_at=timezone.now()
    )
    issue.refresh_from_db()
    return issue


def issue_unschedule(*, user, issue: Issue) -> Issue:
    if not can(user, "news.edit_issue", issue):
        raise PermissionDenied(_("This issue can no longer be changed."))
    Issue.objects.filter(pk=issue.pk, state=Issue.State.SCHEDULED).update(
        state=Issue.State.DRAFT, scheduled_for=None, updated_at=timezone.now()
    )
    issue.refresh_from_db()
    return issue


def issue_send_test(*, user, issue: Issue, language: str) -> None:
    """The issue as a subscriber in `language` would get it, to the manager's own address,
    through the outbox; its personal links lead to pages that say it was a test."""
    if not can(user, "news.manage_issue", issue):
        raise PermissionDenied
    if not issue.items.exists():
        raise ValidationError(
            _("Pick at least one news item or event before sending a test."), code="empty"
        )
    subject, text, html, headers = mailing.test_mail(issue, language)
    mail_queue_rendered(
        key=f"newsletter-test:{issue.pk}:{user.pk}:{uuid.uuid4().hex}",
        to=user.email,
        subject=f"[{_('Test')}] {subject}",
        text=text,
        html=html,
        headers=headers,
    )
