from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The site shell: composes the apps, owns the demo loader and the dev runner."""

    name = "portal"
    verbose_name = "Portal"
