"""News as RSS 2.0 and Atom, one feed per language (the URL's prefix decides)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from news.selectors import published_articles
from portal.core.i18n import translated

LIMIT = 20


class LatestNewsRss(Feed):
    url_name = "news:rss"

    def title(self):
        return _("News from the innovation cooperation network")

    def description(self):
        return _("Projects, events and good practices of the network's regions and partners.")

    def link(self):
        return settings.SITE_URL + reverse("news:list")

    def feed_url(self):
        return settings.SITE_URL + reverse(self.url_name)

    def items(self):
        return published_articles().prefetch_related("themes")[:LIMIT]

    def item_title(self, article):
        return translated(article, "title")[0]

    def item_description(self, article):
        return translated(article, "summary")[0]

    def item_link(self, article):
        return settings.SITE_URL + reverse("news:detail", args=[article.slug])

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.byline or None

    def item_categories(self, article):
        return [translated(theme, "name")[0] for theme in article.themes.all()]


class LatestNewsAtom(LatestNewsRss):
    feed_type = Atom1Feed
    url_name = "news:atom"

    def subtitle(self):
        return self.description()
