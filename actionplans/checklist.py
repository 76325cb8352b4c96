"""What a plan still needs before it can be submitted, part by part.

Works on a content dictionary (actionplans.content), so the workspace's progress
indicator, the submit step and the API all judge the same document the same way.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from portal.core.richtext import as_text

PARTS = ("general", "policy", "actions", "endorsement")


@dataclass
class PartStatus:
    part: str
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def _general(content):
    missing = []
    if not (content.get("title") or "").strip():
        missing.append(_("Give the plan a title."))
    if not (content.get("contact_name") or "").strip():
        missing.append(_("Name a contact person."))
    if not (content.get("contact_email") or "").strip():
        missing.append(_("Give the contact person's email address."))
    return missing


def _policy(content):
    instruments = content.get("instruments") or []
    if not instruments:
        return [_("Name at least one policy instrument the plan improves.")]
    return [
        _("Say which improvement is sought for “%(name)s”.") % {"name": i["name"]}
        for i in instruments
        if not i.get("improvements")
    ]


def _actions(content):
    actions = content.get("actions") or []
    if not actions:
        return [_("Describe at least one action.")]
    missing = []
    for action in actions:
        title = action.get("title") or _("untitled action")
        if not as_text(action.get("description") or ""):
            missing.append(_("“%(title)s”: describe the action itself.") % {"title": title})
        if not (action.get("starts_on") and action.get("ends_on")):
            missing.append(_("“%(title)s”: give its timeframe.") % {"title": title})
        if not action.get("indicators"):
            missing.append(
                _("“%(title)s”: add at least one performance indicator.") % {"title": title}
            )
    return missing


def _endorsement(content):
    endorsement = content.get("endorsement") or {}
    missing = []
    if not (endorsement.get("endorsed_by") or "").strip():
        missing.append(_("Say who endorsed the plan."))
    if not endorsement.get("endorsed_on"):
        missing.append(_("Give the date of the endorsement."))
    if not endorsement.get("letter"):
        missing.append(_("Upload the signed endorsement letter."))
    return missing


_CHECKS = {"general": _general, "policy": _policy, "actions": _actions, "endorsement": _endorsement}


def plan_checklist(content: dict) -> list[PartStatus]:
    return [PartStatus(part, _CHECKS[part](content)) for part in PARTS]


def missing_for_submission(content: dict) -> list[str]:
    return [item for status in plan_checklist(content) for item in status.missing]
