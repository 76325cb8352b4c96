from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News articles and the newsletter: the communication managers' app."""

    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import selectors
        from news.models import Subscriber
        from news.services import subscription
        from portal.core import personal_data as parts

        parts.register(
            parts.Part(
                name="news.subscriber",
                person=parts.SUBSCRIBER,
                find=lambda email: Subscriber.objects.filter(email__iexact=email),
                export=lambda subscriber, email: selectors.subscriber_data(subscriber),
                erase=lambda subscriber, email: subscription.subscriber_erase(
                    subscriber=subscriber
                ),
            )
        )
