from django.db.models import Count, Exists, OuterRef, Prefetch, Q

from events.models import Event
from news.models import Article, Delivery, Issue, IssueItem, Subscriber
from news.rules import managed_project_ids


def published_articles():
    """Articles the public sees: published, and not dated in the future."""
    return Article.objects.published().select_related("project", "region", "event")


# --- The newsletter --------------------------------------------------------------------


def issue_items(issue: Issue) -> list[IssueItem]:
    """An issue's items in their order, each with its article or event."""
    return list(
        IssueItem.objects.filter(issue=issue)
        .select_related("article", "event")
        .order_by("position", "pk")
    )


def audience(issue: Issue):
    """The confirmed subscribers an issue goes to.

    A subscriber who chose no topic gets every issue, and so does everyone for an issue
    with no topic (the whole network's); otherwise they share at least one: the issue's
    project, one of its themes or one of its cooperations.
    """
    confirmed = Subscriber.objects.filter(state=Subscriber.State.CONFIRMED)
    topics = {
        "projects": [issue.project_id] if issue.project_id else [],
        "themes": list(issue.themes.values_list("pk", flat=True)),
        "cooperations": list(issue.cooperations.values_list("pk", flat=True)),
    }
    if not any(topics.values()):
        return confirmed
    through = {name: getattr(Subscriber, name).through for name in topics}
    chose_none = ~Q(
        *[Exists(through[name].objects.filter(subscriber=OuterRef("pk"))) for name in topics],
        _connector=Q.OR,
    )
    shares = Q(
        *[
            Exists(
                through[name].objects.filter(subscriber=OuterRef("pk"), **{f"{name[:-1]}__in": ids})
            )
            for name, ids in topics.items()
            if ids
        ],
        _connector=Q.OR,
    )
    return confirmed.filter(chose_none | shares)


def issues_for(user):
    """The issues a user may manage, newest first: all for staff, else their projects'."""
    issues = Issue.objects.select_related("project", "created_by").order_by("-created_at", "-pk")
    if user.is_active and user.is_staff:
        return issues
    return issues.filter(project_id__in=managed_project_ids(user))


def delivery_counts(issue: Issue) -> dict:
    """Sent, failed and still to go, counted in one query."""
    states = Delivery.State
    counts = Delivery.objects.filter(issue=issue).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(state=states.SENT)),
        failed=Count("pk", filter=Q(state=states.FAILED)),
        skipped=Count("pk", filter=Q(state=states.SKIPPED)),
        retrying=Count("pk", filter=Q(state=states.RETRY)),
    )
    counts["done"] = counts["sent"] + counts["failed"] + counts["skipped"]
    counts["remaining"] = counts["total"] - counts["done"]
    counts["done_percent"] = round(100 * counts["done"] / counts["total"]) if counts["total"] else 0
    return counts


def recent_failures(issue: Issue, limit: int = 10):
    from news.models import DeliveryFailure

    return DeliveryFailure.objects.filter(delivery__issue=issue).order_by("-at")[:limit]


def published_issues():
    """Issues whose sending has started: their web versions are public from then on, since
    the mails link to them."""
    return Issue.objects.filter(started_at__isnull=False).order_by("-started_at", "-pk")


def pickable_articles():
    return Article.objects.published().order_by("-published_at")


def pickable_events():
    return Event.objects.order_by("-starts_at")


def subscriber_with_topics(subscriber: Subscriber) -> Subscriber:
    return Subscriber.objects.prefetch_related("projects", "themes", "cooperations").get(
        pk=subscriber.pk
    )


def subscriber_data(subscriber: Subscriber) -> dict:
    """Everything the portal keeps about a subscriber, for them to download."""
    subscriber = Subscriber.objects.prefetch_related(
        "projects",
        "themes",
        "cooperations",
        Prefetch(
            "deliveries",
            queryset=Delivery.objects.select_related("issue").order_by("pk"),
        ),
    ).get(pk=subscriber.pk)

    def when(value):
        return value.isoformat() if value else None

    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "state": subscriber.state,
        "topics": {
            "projects": [p.acronym for p in subscriber.projects.all()],
            "themes": [t.name for t in subscriber.themes.all()],
            "cooperations": [c.name for c in subscriber.cooperations.all()],
        },
        "consent": {
            "text": subscriber.consent_text,
            "version": subscriber.consent_version,
            "given_at": when(subscriber.consented_at),
        },
        "signed_up_at": when(subscriber.created_at),
        "confirmation_sent_at": when(subscriber.confirmation_sent_at),
        "confirmed_at": when(subscriber.confirmed_at),
        "unsubscribed_at": when(subscriber.unsubscribed_at),
        "newsletters": [
            {
                "issue": delivery.issue.title or delivery.issue.title_en or "",
                "message_id": delivery.message_id,
                "state": delivery.state,
                "sent_at": when(delivery.sent_at),
            }
            for delivery in subscriber.deliveries.all()
        ],
    }
