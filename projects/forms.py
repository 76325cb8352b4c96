from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import GoodPractice
from regions.models import Theme


class PracticeProposalForm(forms.Form):
    partnership = forms.ModelChoiceField(label=_("On behalf of"), queryset=None)
    title = forms.CharField(label=_("Title"), max_length=250)
    approach = forms.ChoiceField(label=_("Type of approach"), choices=GoodPractice.Approach.choices)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    problem = forms.CharField(label=_("Problem addressed"), widget=forms.Textarea, required=False)
    description = forms.CharField(label=_("The practice"), widget=forms.Textarea, required=False)
    resources = forms.CharField(label=_("Resources needed"), widget=forms.Textarea, required=False)
    evidence = forms.CharField(
        label=_("Evidence of success"), widget=forms.Textarea, required=False
    )
    transferability = forms.CharField(
        label=_("Potential for learning or transfer"), widget=forms.Textarea, required=False
    )
    lessons = forms.CharField(label=_("Lessons learnt"), widget=forms.Textarea, required=False)

    def __init__(self, *args, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partnership"].queryset = partnerships
        self.fields["partnership"].label_from_instance = lambda p: f"{p.organisation} – {p.project}"


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
