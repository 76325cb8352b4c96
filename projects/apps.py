from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self):
        from portal.core import personal_data as parts
        from projects import selectors, services
        from projects.models import ProjectRole

        parts.register(
            parts.Part(
                name="projects.roles",
                person=parts.USER,
                find=lambda email: (
                    ProjectRole.objects.filter(user__email__iexact=email)
                    .select_related("partnership__project", "partnership__organisation")
                    .order_by("pk")
                ),
                export=lambda role, email: selectors.project_role_data(role),
                erase=lambda role, email: services.project_role_erase(role=role),
            )
        )
