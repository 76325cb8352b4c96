"""The plan's forms: its editor pages (built from its description in
actionplans.content), starting a plan, workflow steps and review remarks.

Each editor page reads its initial values from the plan's content and `apply`s what was
typed to a copy of it; actionplans.services.plan_write then saves the whole document.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actionplans.content import PLAN
from actionplans.documents.forms import ItemEditor, PartEditor
from actionplans.models import ActionPlan, ReviewComment

# The rich-text editor's toolbar, in the reader's language (Trix's own names as keys).
RICH_TEXT_LABELS = {
    "bold": _("Bold"),
    "italic": _("Italic"),
    "strike": _("Strikethrough"),
    "link": _("Link"),
    "unlink": _("Unlink"),
    "url": _("Web address"),
    "urlPlaceholder": _("Enter a web address…"),
    "heading1": _("Heading"),
    "quote": _("Quote"),
    "code": _("Code"),
    "bullets": _("Bullets"),
    "numbers": _("Numbering"),
    "outdent": _("Decrease level"),
    "indent": _("Increase level"),
    "undo": _("Undo"),
    "redo": _("Redo"),
    "attachFiles": _("Attach files"),
    "remove": _("Remove"),
}


class ActionPart(ItemEditor):
    """Part III, one action at a time, with its indicators."""

    title = _("Part III: action")

    def __init__(self, data=None, files=None, *, plan, content, action_id=None):
        self.action_id = action_id
        super().__init__(
            data, files, shape=PLAN, rows="actions", document=plan, content=content, key=action_id
        )
        self.plan = plan


def part_editor(name: str, data=None, files=None, *, plan, content) -> PartEditor:
    """Part I, II or IV of a plan on one page."""
    editor = PartEditor(data, files, shape=PLAN, part=name, document=plan, content=content)
    editor.plan = plan
    return editor


PARTS = ("general", "policy", "endorsement")


class PlanCreateForm(forms.Form):
    partnership = forms.ModelChoiceField(label=_("For"), queryset=None)
    title = forms.CharField(label=_("Title of the plan"), max_length=250)
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["partnership"].label_from_instance = lambda p: (
            f"{p.project.acronym} – {p.organisation} ({p.region.name})"
        )


class StepForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RemarkForm(forms.Form):
    section = forms.ChoiceField(label=_("Remark on"), choices=())
    body = forms.CharField(
        label=_("Your remark"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, plan: ActionPlan, **kwargs):
        super().__init__(*args, **kwargs)
        actions = [(f"action-{a.pk}", a.title) for a in plan.actions.order_by("position")]
        self.fields["section"].choices = [
            *ReviewComment.Section.choices,
            (_("Actions"), actions),
        ]

    def target(self) -> tuple[str, int | None]:
        section = self.cleaned_data["section"]
        if section.startswith("action-"):
            return ReviewComment.Section.ACTIONS, int(section.removeprefix("action-"))
        return section, None
