"""The newsletter's forms: subscribing and preferences (one set of topic fields), and
composing, scheduling and testing an issue."""

import zoneinfo

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from news import consent, selectors
from portal.core.i18n import translated
from projects.models import Project
from regions.models import Cooperation, Theme

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "de": "Deutsch"}


class TopicsForm(forms.Form):
    """Language and topics: the same fields when subscribing and changing preferences."""

    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        # Each language named in itself, so a reader finds their own.
        choices=[(code, LANGUAGE_NAMES.get(code, name)) for code, name in settings.LANGUAGES],
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Projects"),
        queryset=Project.objects.order_by("acronym"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cooperations = forms.ModelMultipleChoiceField(
        label=_("Cooperations"),
        queryset=Cooperation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose no topic at all to receive every issue."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["projects"].label_from_instance = lambda p: f"{p.acronym} – {p.title}"
        self.fields["themes"].label_from_instance = lambda t: translated(t, "name")[0]
        self.fields["cooperations"].label_from_instance = lambda c: translated(c, "name")[0]

    def topics(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("projects", "themes", "cooperations")}


class SubscribeForm(TopicsForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to agree, or we cannot send you anything.")},
    )
    # The honeypot: hidden from people (and from screen readers, see the template), filled
    # in by robots that fill in every field.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    field_order = ["email", "language", "projects", "themes", "cooperations", "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent.current_text()

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def hidden_trap(self):
        return self["website"]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class ResubscribeForm(forms.Form):
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to agree, or we cannot send you anything.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent.current_text()


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my subscription and everything stored about it."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that everything is erased.")},
    )


# --- Composing ---------------------------------------------------------------------------


class IssueForm(forms.Form):
    """The issue itself; its items come in an ItemFormSet beside it."""

    project = forms.ModelChoiceField(
        label=_("Project"), queryset=Project.objects.none(), required=False
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cooperations = forms.ModelMultipleChoiceField(
        label=_("Cooperations"),
        queryset=Cooperation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The issue goes to subscribers of its project, themes or cooperations, and to "
            "those who chose no topic. With none of them it goes to every subscriber."
        ),
    )

    def __init__(self, *args, projects, network_allowed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"intro_{code}"] = forms.CharField(
                label=_("Introduction (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.order_fields(
            ["project"]
            + [f"{part}_{code}" for code, _n in settings.LANGUAGES for part in ("title", "intro")]
        )
        field = self.fields["project"]
        field.queryset = projects
        field.label_from_instance = lambda p: p.acronym
        field.required = not network_allowed
        field.empty_label = _("The whole network") if network_allowed else None
        field.help_text = _(
            "Whose issue this is: its communication managers may change and send it."
        )
        self.fields["themes"].label_from_instance = lambda t: translated(t, "name")[0]
        self.fields["cooperations"].label_from_instance = lambda c: translated(c, "name")[0]

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code, _n in settings.LANGUAGES):
            raise ValidationError(
                _("Give the issue a subject in at least one language."), code="no_subject"
            )
        return data

    def titles(self) -> dict:
        return {code: self.cleaned_data[f"title_{code}"] for code, _n in settings.LANGUAGES}

    def intros(self) -> dict:
        return {code: self.cleaned_data[f"intro_{code}"] for code, _n in settings.LANGUAGES}


class ItemForm(forms.Form):
    """One item: a news article or an event, at a position.

    The choices are plain ids read once for the whole formset, so checking a row costs no
    query however many rows there are.
    """

    position = forms.IntegerField(
        label=_("Position"),
        min_value=1,
        max_value=999,
        required=False,
        help_text=_("Empty: after the numbered ones."),
    )
    article = forms.TypedChoiceField(label=_("News article"), coerce=int, required=False)
    event = forms.TypedChoiceField(label=_("Event"), coerce=int, required=False)

    def __init__(self, *args, article_choices=(), event_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].choices = [("", "—"), *article_choices]
        self.fields["event"].choices = [("", "—"), *event_choices]
        self.fields["article"].empty_value = None
        self.fields["event"].empty_value = None

    def clean(self):
        data = super().clean()
        if data.get("article") and data.get("event"):
            raise ValidationError(
                _("Choose a news article or an event for this item, not both."), code="both"
            )
        return data

    def is_blank(self) -> bool:
        return not (self.cleaned_data.get("article") or self.cleaned_data.get("event"))


class BaseItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        articles = selectors.pickable_articles().only(
            "pk", "published_at", *[f"title_{c}" for c, _n in settings.LANGUAGES]
        )
        events = selectors.pickable_events().only(
            "pk", "starts_at", *[f"title_{c}" for c, _n in settings.LANGUAGES]
        )
        self.choices = {
            "article_choices": [
                (a.pk, f"{a.published_at:%Y-%m-%d} · {translated(a, 'title')[0]}") for a in articles
            ],
            "event_choices": [
                (e.pk, f"{e.starts_at:%Y-%m-%d} · {translated(e, 'title')[0]}") for e in events
            ],
        }
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), **self.choices}

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self._picked():
            key = (form.cleaned_data.get("article"), form.cleaned_data.get("event"))
            if key in seen:
                raise ValidationError(
                    _("The same news item or event is picked twice."), code="duplicate_item"
                )
            seen.add(key)

    def _picked(self) -> list[ItemForm]:
        # A blank extra row is not checked at all, so its cleaned_data is empty: blank.
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and not form.is_blank()
        ]

    def items(self) -> list[tuple[int | None, int | None]]:
        """The picked items in the order of their positions; rows without one after the
        numbered ones, and ties in the order shown."""
        picked = sorted(
            enumerate(self._picked()),
            key=lambda row: (row[1].cleaned_data.get("position") or 1000, row[0]),
        )
        return [
            (form.cleaned_data.get("article"), form.cleaned_data.get("event"))
            for _n, form in picked
        ]


ItemFormSet = forms.formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=3, can_delete=True, max_num=50, validate_max=True
)


def item_initial(items) -> list[dict]:
    return [
        {"position": n, "article": item.article_id, "event": item.event_id}
        for n, item in enumerate(items, start=1)
    ]


class ScheduleForm(forms.Form):
    at = forms.DateTimeField(
        label=_("Send at (Brussels time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )

    def clean_at(self):
        at = self.cleaned_data["at"]
        if timezone.is_naive(at):
            at = timezone.make_aware(at, zoneinfo.ZoneInfo(settings.TIME_ZONE))
        return at


class TestSendForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[(code, LANGUAGE_NAMES.get(code, name)) for code, name in settings.LANGUAGES],
    )
