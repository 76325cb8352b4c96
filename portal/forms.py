from django import forms
from django.utils.translation import gettext_lazy as _

from portal import search
from portal.search.kinds import KINDS


class SearchForm(forms.Form):
    # A CharField refuses NUL characters by itself (ProhibitNullCharactersValidator):
    # PostgreSQL cannot hold them in text, so such a query would fail in the database.
    q = forms.CharField(
        max_length=search.MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Your search is %(show_value)d characters long; please use at most %(limit_value)d."
            ),
            "null_characters_not_allowed": _(
                "Your search contains a null character, which cannot be searched for."
                " Please remove it."
            ),
        },
    )
    kind = forms.ChoiceField(
        choices=[("", _("Everything"))] + [(kind.slug, kind.plural) for kind in KINDS],
        required=False,
        error_messages={
            "invalid_choice": _("There is no kind of result “%(value)s”; choose one of the list.")
        },
    )


class MapFilterForm(forms.Form):
    project = forms.ChoiceField(
        label=_("Project"),
        required=False,
        error_messages={
            "invalid_choice": _("There is no project “%(value)s”; choose one of the list.")
        },
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].choices = [("", _("All projects"))] + [
            (project.slug, project.acronym) for project in projects
        ]
