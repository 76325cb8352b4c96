from news.models import Article


def published_articles():
    """Articles the public sees: published, and not dated in the future."""
    return Article.objects.published().select_related("project", "region", "event")
