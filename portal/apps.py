from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save

# Apps whose rows appear on public pages: any change to them retires the page cache.
PUBLIC_APPS = ("core", "regions", "projects", "events", "news")
# Rows of those apps that no public page shows: a mail sent must not empty the cache.
# Registrations are private too; the places left that pages show are retired by the
# registration services themselves when they change.
PRIVATE_MODELS = {
    "core.outgoingmail",
    # Written with the content they describe, which retires the cache already.
    "core.searchentry",
    "core.reportfile",
    "news.subscriber",
    "news.delivery",
    "news.deliveryfailure",
    "events.registration",
    "events.sessionseat",
    "events.message",
    "events.consent",
}


class PortalConfig(AppConfig):
    """The site shell: composes the apps, owns the demo loader and the dev runner."""

    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.core.cache import content_changed
        from portal.search import index

        # Search entries follow every save of what they show (portal/search/index.py).
        index.connect()
        from portal.pdf import register_kinds

        register_kinds()

        for label in PUBLIC_APPS:
            for model in apps.get_app_config(label).get_models():
                if model._meta.label_lower in PRIVATE_MODELS:
                    continue
                post_save.connect(content_changed, sender=model, dispatch_uid=f"cv-s-{model}")
                post_delete.connect(content_changed, sender=model, dispatch_uid=f"cv-d-{model}")
                for m2m in model._meta.local_many_to_many:
                    m2m_changed.connect(
                        content_changed,
                        sender=m2m.remote_field.through,
                        dispatch_uid=f"cv-m-{model}-{m2m.name}",
                    )
