from dataclasses import dataclass

from django.db.models import Count, Prefetch
from django.utils.text import capfirst

from regions import eye_ris3
from regions.models import (
    Contact,
    Cooperation,
    Infrastructure,
    Membership,
    Milestone,
    Organisation,
    PriorityDomain,
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
            Prefetch("infrastructures", queryset=Infrastructure.objects.order_by("name")),
            "cooperations__documents",
            Prefetch(
                "cooperations__milestones",
                queryset=Milestone.objects.prefetch_related("documents").order_by("date"),
            ),
            "documents",
            "children",
        )
        .get(slug=slug)
    )


def region_documents(region: Region) -> list:
    """The region's documents, then those of the cooperations it takes part in and of their
    milestones, each once (read from region_detail's prefetches)."""
    documents = list(region.documents.all())
    for cooperation in region.cooperations.all():
        documents += cooperation.documents.all()
        for milestone in cooperation.milestones.all():
            documents += milestone.documents.all()
    return list({document.pk: document for document in documents}.values())


def by_project(partnerships) -> list[tuple]:
    """Partnerships grouped by project, in the order given: [(project, [partnership, …])]."""
    grouped: dict = {}
    for partnership in partnerships:
        grouped.setdefault(partnership.project, []).append(partnership)
    return list(grouped.items())


def organisation_list():
    """The directory: each organisation with its region and the projects it works in."""
    # Partnerships are a higher app's model: reached by the reverse relation's name, so this
    # app imports nothing from projects.
    return (
        Organisation.objects.select_related("region", "region__parent")
        .prefetch_related("partnerships__project")
        .order_by("name")
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


def cooperation_list():
    return Cooperation.objects.prefetch_related("regions", "themes").order_by("name")


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


# Regions matched by their smart-specialisation priorities. Each axis of the Eye@RIS3
# coding counts by the share of codes two regions have in common (shared codes over the
# codes either has); the economic domains say most about where two regions can learn from
# each other, so they weigh half.
PEER_AXES = (
    ("economic_domains", 0.5),
    ("scientific_domains", 0.25),
    ("policy_objectives", 0.25),
)


@dataclass
class Peer:
    region: Region
    score: float  # 0 to 1
    shared: dict[str, list[str]]  # axis -> the codes both have, sorted

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    def shared_labels(self) -> list[tuple[str, list[str]]]:
        """(the axis's name, the shared codes with their names), axis by axis."""
        labels = {
            "economic_domains": eye_ris3.nace_label,
            "scientific_domains": dict(eye_ris3.SCIENTIFIC_DOMAINS).get,
            "policy_objectives": dict(eye_ris3.POLICY_OBJECTIVES).get,
        }
        return [
            (
                capfirst(PriorityDomain._meta.get_field(axis).verbose_name),
                [str(labels[axis](code) or code) for code in codes],
            )
            for axis, codes in self.shared.items()
        ]


def _priority_codes() -> dict[int, dict[str, set[str]]]:
    """Every region's Eye@RIS3 codes per axis, over all its strategies' priorities."""
    codes: dict[int, dict[str, set[str]]] = {}
    axes = [axis for axis, _weight in PEER_AXES]
    rows = PriorityDomain.objects.values_list("strategy__region_id", *axes)
    for region_id, *values in rows:
        mine = codes.setdefault(region_id, {axis: set() for axis in axes})
        for axis, value in zip(axes, values, strict=True):
            mine[axis].update(value or [])
    return codes


def priority_peers(region: Region, limit: int = 5) -> list[Peer]:
    """The regions whose priorities overlap most with `region`'s, best first (two queries)."""
    codes = _priority_codes()
    mine = codes.get(region.pk)
    if not mine:
        return []
    scored = []
    for other_id, theirs in codes.items():
        if other_id == region.pk:
            continue
        score, shared = 0.0, {}
        for axis, weight in PEER_AXES:
            both, either = mine[axis] & theirs[axis], mine[axis] | theirs[axis]
            if both:
                score += weight * len(both) / len(either)
                shared[axis] = sorted(both)
        if score > 0:
            scored.append((score, other_id, shared))
    scored.sort(key=lambda item: (-item[0], item[1]))
    top = scored[:limit]
    regions = Region.objects.in_bulk([other_id for _score, other_id, _shared in top])
    return [Peer(regions[other_id], round(score, 3), shared) for score, other_id, shared in top]


def membership_data(membership: Membership) -> dict:
    return {
        "organisation": membership.organisation.name,
        "job_title": membership.job_title,
        "since": membership.created_at.isoformat(),
    }


def contact_data(contact: Contact) -> dict:
    return {
        "organisation": contact.organisation.name,
        "name": contact.name,
        "job_title": contact.job_title,
        "department": contact.department,
        "email": contact.email,
        "phone": contact.phone,
        "shown_publicly": contact.is_public,
    }
