from django.db.models import Count, Prefetch

from regions.models import (
    Contact,
    Cooperation,
    Infrastructure,
    Milestone,
    Organisation,
    Region,
    Strategy,
)


def public_contacts():
    return Contact.objects.public().select_related("organisation")


def region_list():
    return Region.objects.select_related("parent").annotate(
        organisation_count=Count("organisations", distinct=True)
    )


def region_detail(slug: str) -> Region:
    strategies = Strategy.objects.select_related("author").prefetch_related(
        "priorities", "documents", Prefetch("contacts", queryset=public_contacts())
    )
    return (
        Region.objects.select_related("parent")
        .prefetch_related(
            Prefetch("strategies", queryset=strategies),
            Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            Prefetch("contacts", queryset=public_contacts()),
            "cooperations",
            "documents",
            "children",
        )
        .get(slug=slug)
    )


def organisation_detail(slug: str) -> Organisation:
    return (
        Organisation.objects.select_related("region")
        .prefetch_related(
            Prefetch("contacts", queryset=Contact.objects.public()),
            Prefetch("infrastructures", queryset=Infrastructure.objects.order_by("name")),
            "documents",
        )
        .get(slug=slug)
    )


def cooperation_detail(slug: str) -> Cooperation:
    milestones = Milestone.objects.prefetch_related("themes", "documents").order_by("date")
    return Cooperation.objects.prefetch_related(
        "regions",
        "themes",
        "documents",
        Prefetch("milestones", queryset=milestones),
        Prefetch("contacts", queryset=public_contacts()),
    ).get(slug=slug)


def infrastructure_list():
    return Infrastructure.objects.select_related("owner", "region").prefetch_related("themes")


def infrastructure_detail(slug: str) -> Infrastructure:
    return (
        Infrastructure.objects.select_related("owner", "region")
        # `contact` is None unless the person agreed to be shown (see public_contacts).
        .prefetch_related(Prefetch("contact", queryset=public_contacts()), "themes", "documents")
        .get(slug=slug)
    )


def region_and_subregions(region: Region) -> list[int]:
    """The ids of `region` and every region within it, at any depth, in one query.

    Filters that take a region mean the places inside it too: Flanders finds what happens
    in Ghent's NUTS 3 region.
    """
    children: dict[int, list[int]] = {}
    for pk, parent_id in Region.objects.exclude(parent=None).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = [], [region.pk]
    while todo:
        pk = todo.pop()
        if pk not in found:
            found.append(pk)
            todo.extend(children.get(pk, []))
    return found
