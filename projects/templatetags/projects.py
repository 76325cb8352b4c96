"""Lets the region page, which lives in a lower app, show what a region shares with its
peers: the projects (this app's) they take part in together and their good practices."""

from django import template

from projects.selectors import priority_peers_with_ties

register = template.Library()


@register.inclusion_tag("projects/fragment_region_peers.html")
def region_peers(region):
    return {"region": region, "peers": priority_peers_with_ties(region)}
