"""The progress report's editor pages (built from its description in
actionplans.monitoring.content), the monitoring schedule and the dashboard's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actionplans.documents.forms import ItemEditor, PartEditor
from actionplans.models import ActionProgress, MonitoringSchedule
from actionplans.monitoring.content import REPORT


def overview_editor(data=None, files=None, *, report, content) -> PartEditor:
    return PartEditor(data, files, shape=REPORT, part="overview", document=report, content=content)


def action_editor(data=None, files=None, *, report, content, row_id) -> ItemEditor:
    editor = ItemEditor(
        data, files, shape=REPORT, rows="actions", document=report, content=content, key=row_id
    )
    editor.title = _("Action %(number)s: %(title)s") % {
        "number": editor.index + 1,
        "title": editor.item.get("title"),
    }
    return editor


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = MonitoringSchedule
        fields = ["months_per_period", "due_days", "reminder_days"]


class DashboardFilter(forms.Form):
    """The dashboard's filters; a value it does not know is an error that names it."""

    project = forms.ModelChoiceField(
        label=_("Project"), queryset=None, to_field_name="slug", required=False, empty_label=None
    )
    period = forms.TypedChoiceField(label=_("Period"), coerce=int, required=False, choices=())
    status = forms.ChoiceField(
        label=_("Action status"),
        required=False,
        choices=[("", _("Any status")), *ActionProgress.Status.choices],
    )

    def __init__(self, data, *, projects, periods):
        super().__init__(data)
        self.fields["project"].queryset = projects
        self.fields["period"].choices = [("", _("Latest with reports")), *periods]
