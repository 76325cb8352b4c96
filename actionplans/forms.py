"""The plan's editing forms, one per part of the template.

Each part form reads its initial values from a content document and `apply`s what was
typed to a copy of it; actionplans.services.plan_write then saves the whole document.
The version the editor started from travels in a hidden field, so a save that crosses
someone else's is caught.
"""

import copy

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actionplans import selectors
from actionplans.content import empty_action, find_action
from actionplans.models import ActionPlan, PolicyInstrument, ReviewComment
from portal.core.validators import validate_pdf_file

RICH = {"data-rich-text": "", "rows": 6}
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


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class Part:
    """What the views need from any part form; subclasses add their fields."""

    form_class: type
    title = ""
    letter = None  # a newly uploaded endorsement letter, once apply() has run
    conflict = None  # the refused save, when the view's save crossed another

    def __init__(self, data=None, files=None, *, plan, content):
        self.plan, self.content = plan, content
        self.form = self.form_class(data, files, initial=self.initial(), plan=plan)
        self.formset = self.build_formset(data)

    def initial(self) -> dict:
        return {}

    def build_formset(self, data):
        return None

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        return (self.formset.is_valid() if self.formset is not None else True) and valid

    def add_service_error(self, error: ValidationError) -> None:
        """The service's errors on the fields they name, the rest above the form."""
        if not hasattr(error, "error_dict"):
            self.form.add_error(None, error)
            return
        for key, messages in error.message_dict.items():
            field = key if key in self.form.fields else None
            for message in messages:
                self.form.add_error(field, message)


class _PlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = plan.version


class GeneralForm(_PlanForm):
    title = forms.CharField(label=_("Title of the plan"), max_length=250)
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)
    other_organisations = forms.CharField(
        label=_("Other organisations involved"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)


class GeneralPart(Part):
    form_class = GeneralForm
    title = _("Part I: general information")
    FIELDS = ("title", "language", "other_organisations", "contact_name", "contact_email")

    def initial(self):
        return {field: self.content.get(field) for field in (*self.FIELDS, "contact_phone")}

    def apply(self, content):
        data = self.form.cleaned_data
        return {**content, **{f: data[f] for f in (*self.FIELDS, "contact_phone")}}


class InstrumentForm(forms.Form):
    name = forms.CharField(label=_("Name of the policy instrument"), max_length=300)
    type = forms.ChoiceField(label=_("Type"), choices=PolicyInstrument.Type.choices)
    improvements = forms.MultipleChoiceField(
        label=_("Improvement sought"),
        choices=PolicyInstrument.Improvement.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


InstrumentFormSet = forms.formset_factory(
    InstrumentForm, extra=1, can_delete=True, max_num=10, validate_max=True
)


class PolicyPart(Part):
    form_class = _PlanForm
    title = _("Part II: policy context")

    def build_formset(self, data):
        return InstrumentFormSet(data, initial=self.content["instruments"], prefix="instruments")

    def apply(self, content):
        rows = [
            {k: form.cleaned_data[k] for k in ("name", "type", "improvements")}
            for form in self.formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        return {**content, "instruments": rows}


class EndorsementForm(_PlanForm):
    endorsed_by = forms.CharField(
        label=_("Endorsed by"),
        max_length=250,
        required=False,
        help_text=_("Name and position of the person who signed for the policy owner."),
    )
    endorsed_on = forms.DateField(label=_("Endorsed on"), required=False, widget=DateInput)
    letter = forms.FileField(
        label=_("Signed endorsement letter"),
        required=False,
        validators=[validate_pdf_file],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter"].help_text = _("A PDF of at most %(limit)d MB.") % {
            "limit": settings.ENDORSEMENT_MAX_UPLOAD_MB
        }


class EndorsementPart(Part):
    form_class = EndorsementForm
    title = _("Part IV: endorsement")

    def initial(self):
        endorsement = self.content["endorsement"]
        return {
            "endorsed_by": endorsement["endorsed_by"],
            "endorsed_on": endorsement["endorsed_on"],
        }

    def apply(self, content):
        data = self.form.cleaned_data
        self.letter = data.get("letter") or None
        endorsement = {
            **content["endorsement"],
            "endorsed_by": data["endorsed_by"],
            "endorsed_on": data["endorsed_on"].isoformat() if data["endorsed_on"] else None,
        }
        return {**content, "endorsement": endorsement}


class ActionForm(_PlanForm):
    title = forms.CharField(label=_("Title of the action"), max_length=250)
    background = forms.CharField(
        label=_("Background"),
        required=False,
        widget=forms.Textarea(attrs=RICH),
        help_text=_("What was learnt in the project, and from which region or good practice."),
    )
    learnt_from = forms.ModelMultipleChoiceField(
        label=_("Learnt from regions"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    good_practices = forms.ModelMultipleChoiceField(
        label=_("Inspiring good practices"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("The action"), required=False, widget=forms.Textarea(attrs=RICH)
    )
    players = forms.CharField(
        label=_("Players involved and their roles"),
        required=False,
        widget=forms.Textarea(attrs=RICH),
    )
    starts_on = forms.DateField(label=_("Starts"), required=False, widget=DateInput)
    ends_on = forms.DateField(label=_("Ends"), required=False, widget=DateInput)
    estimated_cost = forms.DecimalField(
        label=_("Estimated costs (EUR)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=0,
    )
    funding_sources = forms.CharField(
        label=_("Funding sources"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learnt_from"].queryset = selectors.choosable_regions(self.plan)
        self.fields["good_practices"].queryset = selectors.choosable_practices(self.plan)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=250)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)


IndicatorFormSet = forms.formset_factory(
    IndicatorForm, extra=1, can_delete=True, max_num=20, validate_max=True
)


class ActionPart(Part):
    form_class = ActionForm
    title = _("Part III: action")

    def __init__(self, data=None, files=None, *, plan, content, action_id=None):
        self.action_id = action_id
        self.action = find_action(content, action_id) if action_id else empty_action()
        super().__init__(data, files, plan=plan, content=content)

    def initial(self):
        return {
            key: value
            for key, value in self.action.items()
            if key not in ("id", "indicators") and value is not None
        }

    def build_formset(self, data):
        return IndicatorFormSet(data, initial=self.action["indicators"], prefix="indicators")

    def apply(self, content):
        data = self.form.cleaned_data
        # The indicator forms in the order their rows go to the service, to put its
        # errors ("actions.2.indicators.1.target") back on the right field.
        self.indicator_forms = [
            form
            for form in self.formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        row = {
            "id": self.action_id,
            "title": data["title"],
            "background": data["background"],
            "learnt_from": sorted(region.pk for region in data["learnt_from"]),
            "good_practices": sorted(practice.pk for practice in data["good_practices"]),
            "description": data["description"],
            "players": data["players"],
            "starts_on": data["starts_on"].isoformat() if data["starts_on"] else None,
            "ends_on": data["ends_on"].isoformat() if data["ends_on"] else None,
            "estimated_cost": str(data["estimated_cost"])
            if data["estimated_cost"] is not None
            else None,
            "funding_sources": data["funding_sources"],
            "indicators": [
                {
                    "name": form.cleaned_data["name"],
                    "unit": form.cleaned_data["unit"],
                    "baseline": str(form.cleaned_data["baseline"]),
                    "target": str(form.cleaned_data["target"]),
                }
                for form in self.indicator_forms
            ],
        }
        content = copy.deepcopy(content)
        if self.action_id:
            self.index = next(
                i for i, a in enumerate(content["actions"]) if a["id"] == self.action_id
            )
            content["actions"][self.index] = row
        else:
            self.index = len(content["actions"])
            content["actions"].append(row)
        return content

    def add_service_error(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            return super().add_service_error(error)
        prefix = f"actions.{self.index}."
        for key, messages in error.message_dict.items():
            if not key.startswith(prefix):
                continue  # another action's: the page does not show it
            form, field = self.form, key.removeprefix(prefix)
            if field.startswith("indicators."):
                _part, number, field = field.split(".", 2)
                form = self.indicator_forms[int(number)]
            for message in messages:
                form.add_error(field if field in form.fields else None, message)


PARTS = {"general": GeneralPart, "policy": PolicyPart, "endorsement": EndorsementPart}


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
