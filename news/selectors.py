from news.models import Article


def published_articles():
    """Articles the public sees: marked published, and their publication time has come."""
    return Article.objects.published().select_related("project", "region", "event")
