from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Article(TimeStampedModel):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    summary = models.TextField(_("summary"))
    body = models.TextField(_("text"), blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now, db_index=True)
    is_published = models.BooleanField(_("published"), default=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("about the event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="articles"
    )
    byline = models.CharField(_("by"), max_length=200, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-published_at"]
        indexes = [models.Index(fields=["is_published", "-published_at"])]

    def __str__(self):
        return self.title
