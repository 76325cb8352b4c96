from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News articles and the newsletter: the communication managers' app."""

    name = "news"
    verbose_name = _("News")
