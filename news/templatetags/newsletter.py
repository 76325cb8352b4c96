"""The newsletter's corner in pages of lower apps (the workspace), which cannot import news."""

from django import template

from news.rules import can

register = template.Library()


@register.inclusion_tag("news/newsletter/fragment_workspace_link.html", takes_context=True)
def newsletter_workspace_link(context):
    """A link to the newsletter's issues for the users who compose them, nothing for others.

    Asks the rules, which read the user's grants the workspace page has already read."""
    user = context["request"].user
    return {"show": user.is_authenticated and can(user, "news.compose_newsletter")}
