"""Lets the project and region pages, which live in lower apps, show approved plans.

The page composes both apps here rather than the lower app reaching up to import this one.
"""

from django import template

from actionplans.selectors import public_plans_for

register = template.Library()


@register.inclusion_tag("actionplans/fragment_public_plans.html")
def approved_plans(project=None, region=None, organisation=None):
    return {
        "plans": public_plans_for(project=project, region=region, organisation=organisation),
        "show_project": project is None,
    }
