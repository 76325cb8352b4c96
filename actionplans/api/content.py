"""A plan's content in the API: the same document as actionplans.content, with regions and
good practices named by slug (stable across databases) instead of by primary key."""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actionplans.models import PolicyInstrument
from projects.selectors import public_practices
from regions.models import Region

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,150}")
RICH_TEXT = _(
    "HTML; anything outside p, br, strong, em, lists, blockquote, h3-h4 and links is removed."
)


class SlugRefField(serializers.SlugRelatedField):
    """A region or good practice by slug; something that cannot be a slug is not looked up."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:100])
        return super().to_internal_value(data)


class IndicatorSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=250)
    unit = serializers.CharField(max_length=60, allow_blank=True, default="")
    baseline = serializers.DecimalField(max_digits=14, decimal_places=2)
    target = serializers.DecimalField(max_digits=14, decimal_places=2)


class InstrumentSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=300)
    type = serializers.ChoiceField(choices=PolicyInstrument.Type.choices)
    improvements = serializers.ListField(
        child=serializers.ChoiceField(choices=PolicyInstrument.Improvement.choices), default=list
    )


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text=_(
            "The action's id, to change it in place (review remarks stay attached to it); "
            "leave it out for a new action."
        ),
    )
    title = serializers.CharField(max_length=250)
    background = serializers.CharField(allow_blank=True, default="", help_text=RICH_TEXT)
    learnt_from = SlugRefField(
        many=True, slug_field="slug", queryset=Region.objects.all(), default=list
    )
    good_practices = SlugRefField(
        many=True, slug_field="slug", queryset=public_practices(), default=list
    )
    description = serializers.CharField(allow_blank=True, default="", help_text=RICH_TEXT)
    players = serializers.CharField(allow_blank=True, default="", help_text=RICH_TEXT)
    starts_on = serializers.DateField(allow_null=True, default=None)
    ends_on = serializers.DateField(allow_null=True, default=None)
    estimated_cost = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True, default=None
    )
    funding_sources = serializers.CharField(allow_blank=True, default="")
    indicators = IndicatorSerializer(many=True, default=list)


class EndorsementSerializer(serializers.Serializer):
    endorsed_by = serializers.CharField(max_length=250, allow_blank=True, default="")
    endorsed_on = serializers.DateField(allow_null=True, default=None)
    has_letter = serializers.BooleanField(
        read_only=True, help_text=_("Upload the signed letter to …/endorsement-letter/.")
    )


class ContentSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=250)
    language = serializers.ChoiceField(choices=settings.LANGUAGES)
    other_organisations = serializers.CharField(allow_blank=True, default="")
    contact_name = serializers.CharField(max_length=150, allow_blank=True, default="")
    # No default: OpenAPI would call "" an invalid email address. Left out means empty.
    contact_email = serializers.EmailField(allow_blank=True, required=False)
    contact_phone = serializers.CharField(max_length=40, allow_blank=True, default="")
    instruments = InstrumentSerializer(many=True, default=list)
    actions = ActionSerializer(many=True, default=list)
    endorsement = EndorsementSerializer(default=dict)


def to_api(content: dict, refs, *, public: bool = False) -> dict:
    """A stored content document as the API shows it; `refs` from selectors.references."""
    actions = []
    for action in content.get("actions") or []:
        practices = [refs.practices.get(pk) for pk in action.get("good_practices") or []]
        regions = [refs.regions.get(pk) for pk in action.get("learnt_from") or []]
        actions.append(
            {
                **action,
                "learnt_from": [region.slug for region in regions if region],
                "good_practices": [
                    practice.slug
                    for practice in practices
                    if practice and (not public or practice.status == practice.Status.VALIDATED)
                ],
            }
        )
    endorsement = content.get("endorsement") or {}
    shown = {
        **content,
        "actions": actions,
        "endorsement": {
            "endorsed_by": endorsement.get("endorsed_by") or "",
            "endorsed_on": endorsement.get("endorsed_on"),
            "has_letter": bool(endorsement.get("letter")),
        },
    }
    if public:
        # The contact person is named in the workspace, not to the world.
        for field in ("contact_name", "contact_email", "contact_phone"):
            shown.pop(field, None)
    return shown


def stored_action(action: dict) -> dict:
    """One validated action from the API as a stored action."""

    def day(value):
        return value.isoformat() if value else None

    return {
        **action,
        "id": action.get("id"),
        "learnt_from": sorted(region.pk for region in action["learnt_from"]),
        "good_practices": sorted(practice.pk for practice in action["good_practices"]),
        "starts_on": day(action["starts_on"]),
        "ends_on": day(action["ends_on"]),
        "estimated_cost": None
        if action["estimated_cost"] is None
        else str(action["estimated_cost"]),
        "indicators": [
            {**row, "baseline": str(row["baseline"]), "target": str(row["target"])}
            for row in action["indicators"]
        ],
    }


def from_api(data: dict, current: dict) -> dict:
    """Validated API content as a stored document, keeping what the API does not carry
    (the endorsement letter's file) from the current one."""
    known = {action["id"] for action in current["actions"]}
    unknown = [a["id"] for a in data["actions"] if a.get("id") is not None and a["id"] not in known]
    if unknown:
        raise serializers.ValidationError(
            {"actions": [_("This plan has no action %(id)s.") % {"id": unknown[0]}]}
        )
    endorsement = data["endorsement"]
    plain = [
        key
        for key in ContentSerializer().fields
        if key not in ("instruments", "actions", "endorsement")
    ]
    return {
        **{key: data.get(key, "") for key in plain},
        "instruments": [dict(row) for row in data["instruments"]],
        "actions": [stored_action(action) for action in data["actions"]],
        "endorsement": {
            "endorsed_by": endorsement.get("endorsed_by", ""),
            "endorsed_on": (endorsement.get("endorsed_on") or None)
            and endorsement["endorsed_on"].isoformat(),
            "letter": current["endorsement"]["letter"],
        },
    }
