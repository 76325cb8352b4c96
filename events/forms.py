"""The registration form, built from what the organisers ask; their settings and messages."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from events.models import Registration, RegistrationSettings
from events.models.registration import ORGANISATION_TYPES, Ask, Diet
from portal.core.i18n import translated
from regions.models import Region

EMPTY = [("", "—")]


class RegionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, region):
        return f"{translated(region, 'name')[0]} ({region.country.name})"


class SessionChoiceField(forms.ModelMultipleChoiceField):
    """Sessions with their day, time and places left, as a registrant chooses them."""

    def label_from_instance(self, session):
        start, end = session.local_start, session.local_end
        when = (
            f"{formats.date_format(start, 'D j M')}, {formats.time_format(start)}"
            f"–{formats.time_format(end)}"
        )
        label = f"{translated(session, 'title')[0]} ({when})"
        if session.capacity is None:
            return label
        left = max(session.capacity - session.taken, 0)
        if left == 0:
            return f"{label} – " + str(_("full: you join its waiting list"))
        return f"{label} – " + ngettext("%(n)d place left", "%(n)d places left", left) % {"n": left}


class RegistrationForm(forms.Form):
    """Name and address always; the rest as the event's settings ask (Ask.NO drops a
    question, Ask.REQUIRED makes it required). Every answer is a choice where one exists."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send a link there to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=250,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=EMPTY + ORGANISATION_TYPES
    )
    country = forms.ChoiceField(label=_("Country"), choices=[])
    region = RegionChoiceField(
        label=_("Region"),
        queryset=Region.objects.order_by("country", "name"),
        empty_label="—",
        help_text=_("The portal's regions; leave it empty if yours is not among them."),
    )
    dietary = forms.MultipleChoiceField(
        label=_("Dietary needs"), choices=Diet.choices, widget=forms.CheckboxSelectMultiple
    )
    dietary_note = forms.CharField(
        label=_("Allergies or other needs"), max_length=200, required=False
    )
    sessions = SessionChoiceField(
        label=_("Sessions and visits you will attend"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(label=_("I agree"))

    # Question setting -> the fields it governs.
    QUESTIONS = {
        "ask_organisation": ("organisation_name", "organisation_type"),
        "ask_country": ("country",),
        "ask_region": ("region",),
        "ask_dietary": ("dietary",),
        "ask_sessions": ("sessions",),
    }

    def __init__(self, *args, config: RegistrationSettings, sessions, change=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = EMPTY + list(countries)
        self.fields["sessions"].queryset = sessions
        for setting, names in self.QUESTIONS.items():
            ask = getattr(config, setting)
            if setting == "ask_sessions" and not sessions.exists():
                ask = Ask.NO
            for name in names:
                if ask == Ask.NO:
                    del self.fields[name]
                else:
                    self.fields[name].required = ask == Ask.REQUIRED
        if config.ask_dietary == Ask.NO:
            del self.fields["dietary_note"]
        elif config.ask_dietary == Ask.REQUIRED:
            # Required means answered: "none of these" is an answer too.
            self.fields["dietary"].choices = [("none", _("None of these")), *Diet.choices]
        if change:
            del self.fields["email"], self.fields["consent"]
        elif config.consent:
            self.fields["consent"].help_text = translated(config.consent, "text")[0]

    def clean(self):
        cleaned = super().clean()
        region, country = cleaned.get("region"), cleaned.get("country")
        if region and country and region.country != country:
            self.add_error(
                "region",
                _("%(region)s is not in %(country)s.")
                % {"region": translated(region, "name")[0], "country": dict(countries)[country]},
            )
        chosen = list(cleaned.get("sessions") or [])
        for i, first in enumerate(chosen):
            for second in chosen[i + 1 :]:
                if first.overlaps(second):
                    self.add_error(
                        "sessions",
                        _("“%(first)s” and “%(second)s” take place at the same time: choose one.")
                        % {
                            "first": translated(first, "title")[0],
                            "second": translated(second, "title")[0],
                        },
                    )
        if "dietary" in cleaned:
            cleaned["dietary"] = [d for d in cleaned["dietary"] if d != "none"]
        return cleaned

    def registration_data(self) -> dict:
        """The answers as the registration stores them."""
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in ("sessions", "consent")
        }
        return data


class RegistrationSettingsForm(forms.ModelForm):
    """Dates are read and shown in the event's own time zone (the view activates it)."""

    consent_en = forms.CharField(
        label=_("Consent text (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    consent_nl = forms.CharField(
        label=_("Consent text (Dutch)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    consent_de = forms.CharField(
        label=_("Consent text (German)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    class Meta:
        model = RegistrationSettings
        fields = [
            "opens_at",
            "closes_at",
            "capacity",
            "needs_approval",
            "ask_organisation",
            "ask_country",
            "ask_region",
            "ask_dietary",
            "ask_sessions",
            "offer_hours",
            "retention_days",
        ]
        widgets = {
            "opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        consent = self.instance.consent if self.instance.pk else None
        if consent and not self.is_bound:
            for lang in ("en", "nl", "de"):
                self.initial[f"consent_{lang}"] = getattr(consent, f"text_{lang}") or ""
        self.fields["consent_en"].help_text = _(
            "Registrants agree to it; a changed text becomes a new version, and each"
            " registration keeps the version it agreed to. Give at least one language."
        )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"consent_{lang}") for lang in ("en", "nl", "de")):
            self.add_error("consent_en", _("Write the consent text registrants agree to."))
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def consent_text(self) -> dict:
        return {lang: self.cleaned_data.get(f"consent_{lang}", "") for lang in ("en", "nl", "de")}


class MessageForm(forms.Form):
    """One message, written in as many of the portal's languages as the organiser likes."""

    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200, required=False)
    body_en = forms.CharField(
        label=_("Message (English)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
    )
    subject_nl = forms.CharField(label=_("Subject (Dutch)"), max_length=200, required=False)
    body_nl = forms.CharField(
        label=_("Message (Dutch)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
    )
    subject_de = forms.CharField(label=_("Subject (German)"), max_length=200, required=False)
    body_de = forms.CharField(
        label=_("Message (German)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=10000,
    )

    def clean(self):
        cleaned = super().clean()
        written = False
        for lang in ("en", "nl", "de"):
            subject, body = cleaned.get(f"subject_{lang}"), cleaned.get(f"body_{lang}")
            if bool(subject) != bool(body):
                missing = f"body_{lang}" if subject else f"subject_{lang}"
                self.add_error(missing, _("Give both a subject and a message in this language."))
            written |= bool(subject and body)
        if not written and not self.errors:
            raise forms.ValidationError(
                _(
                    "Write the message in at least one language: each registrant reads it in"
                    " theirs when it is there, otherwise in English, Dutch or German."
                ),
                code="empty",
            )
        return cleaned

    def texts(self, part: str) -> dict:
        return {lang: self.cleaned_data.get(f"{part}_{lang}", "") for lang in ("en", "nl", "de")}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])


class CheckInForm(forms.Form):
    present = forms.TypedChoiceField(
        choices=[("1", _("Present")), ("0", _("Not present"))], coerce=lambda v: v == "1"
    )


STATES_FOR_FILTER = [(s, label) for s, label in Registration.State.choices if s != "unconfirmed"]
