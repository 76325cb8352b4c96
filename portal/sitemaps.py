from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from actionplans.selectors import public_plans
from events.models import Event
from news.models import Article
from projects.models import Project
from projects.selectors import public_practices
from regions.models import Cooperation, Infrastructure, Organisation, Region


class _ModelSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, queryset, url_name):
        super().__init__()
        self._queryset, self._url_name = queryset, url_name

    def items(self):
        return self._queryset().only("slug", "updated_at").order_by("pk")

    def location(self, item):
        return reverse(self._url_name, args=[item.slug])

    def lastmod(self, item):
        return item.updated_at


class _ApprovedPlanSitemap(_ModelSitemap):
    """A plan's public page changes when a revision is approved, not with every draft save."""

    def __init__(self):
        super().__init__(public_plans, "actionplans:public-detail")

    def items(self):
        return public_plans().select_related(None).only("slug", "approved_at").order_by("pk")

    def lastmod(self, item):
        return item.approved_at


class _StaticSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return [
            "home",
            "projects:list",
            "regions:list",
            "events:list",
            "projects:practice-list",
            "regions:infrastructure-list",
            "news:list",
            "map",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": _StaticSitemap(),
    "projects": _ModelSitemap(lambda: Project.objects.all(), "projects:detail"),
    "regions": _ModelSitemap(lambda: Region.objects.all(), "regions:detail"),
    "organisations": _ModelSitemap(lambda: Organisation.objects.all(), "regions:organisation"),
    "events": _ModelSitemap(lambda: Event.objects.all(), "events:detail"),
    "practices": _ModelSitemap(public_practices, "projects:practice-detail"),
    "infrastructures": _ModelSitemap(
        lambda: Infrastructure.objects.all(), "regions:infrastructure"
    ),
    "news": _ModelSitemap(lambda: Article.objects.published(), "news:detail"),
    "cooperations": _ModelSitemap(lambda: Cooperation.objects.all(), "regions:cooperation"),
    "action-plans": _ApprovedPlanSitemap(),
}
