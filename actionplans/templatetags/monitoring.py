"""Monitoring figures for templates, and the public results that lower apps' pages show
(the project page) without importing this app."""

from django import template

from actionplans.monitoring import figures, results
from portal.core.richtext import as_html

register = template.Library()


@register.filter
def indicator_percent(indicator):
    """An indicator item's progress toward its target, in percent (None if unknown)."""
    return figures.percent(
        figures.indicator_progress(indicator.baseline, indicator.target, indicator.achieved)
    )


@register.filter
def percent_of(part, whole):
    return figures.percent(figures.share(part, whole))


@register.filter
def rich_text(value):
    """Stored rich text, cleaned again on its way out."""
    return as_html(value or "")


@register.inclusion_tag("actionplans/fragment_project_results.html")
def project_results(project):
    """Phase-2 results on a project's page, from the reports its coordinator accepted."""
    return {"results": results.project_results(project)}
