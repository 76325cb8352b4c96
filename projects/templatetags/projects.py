"""Lets the region page, which lives in a lower app, show what a region shares with its
peers: the projects (this app's) they take part in together and their good practices."""

from django import template
from django.utils.html import format_html

from projects.selectors import practices_of, priority_peers_with_ties

register = template.Library()


@register.inclusion_tag("projects/fragment_region_peers.html")
def region_peers(region):
    return {"region": region, "peers": priority_peers_with_ties(region)}


@register.inclusion_tag("projects/fragment_linked_practices.html")
def good_practices(region=None, organisation=None):
    """The validated good practices of a region (and the regions within it) or of an
    organisation, for their pages in the lower regions app."""
    return {"practices": practices_of(region=region, organisation=organisation)}


@register.simple_tag
def project_status(project):
    """Running, ended or not started yet, from the project's dates, as a badge."""
    status = project.status
    return format_html('<span class="badge badge--{}">{}</span>', status.value, status.label)
