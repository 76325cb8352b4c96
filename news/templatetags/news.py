"""Lets an event's page, in the lower events app, list the news about the event."""

from django import template

from news.selectors import published_articles

register = template.Library()


@register.inclusion_tag("news/fragment_event_news.html")
def news_about(event):
    articles = published_articles().filter(event=event).order_by("-published_at")
    return {"articles": list(articles)}
