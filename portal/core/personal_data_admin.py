"""The admin's actions for personal data on request: export the chosen rows' data as a
JSON download, or erase it after a confirmation page. Each app's admin says how one row is
exported and erased (through its own selectors and services); this only does the rest."""

import json

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PersonalDataAdmin(admin.ModelAdmin):
    """A model admin with the two personal-data actions. Only superusers may use them:
    handing over or erasing someone's data answers a request the data controller handles,
    not a task of every staff member who may read the list."""

    def has_personal_data_permission(self, request) -> bool:
        return request.user.is_superuser

    def personal_data_export(self, row) -> dict:
        raise NotImplementedError

    def personal_data_erase(self, request, row) -> None:
        raise NotImplementedError

    @admin.action(
        description=gettext_lazy(
            "Export the personal data of the selected %(verbose_name_plural)s (JSON)"
        ),
        permissions=["personal_data"],
    )
    def export_personal_data(self, request, queryset):
        data = {
            "exported_at": timezone.now().isoformat(),
            "records": [self.personal_data_export(row) for row in queryset],
        }
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        name = f"personal-data-{self.opts.model_name}-{timezone.now():%Y%m%d-%H%M%S}.json"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    @admin.action(
        description=gettext_lazy("Erase the personal data of the selected %(verbose_name_plural)s"),
        permissions=["personal_data"],
    )
    def erase_personal_data(self, request, queryset):
        if request.POST.get("post") != "yes":
            return TemplateResponse(
                request,
                "admin/personal_data_erase.html",
                {
                    **self.admin_site.each_context(request),
                    "title": _("Erase personal data"),
                    "opts": self.opts,
                    "queryset": queryset,
                    "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                },
            )
        # All chosen rows or none: a failure half-way leaves nothing half-erased.
        with transaction.atomic():
            rows = list(queryset)
            for row in rows:
                self.personal_data_erase(request, row)
        self.message_user(
            request,
            _("Erased the personal data of %(count)d %(rows)s.")
            % {
                "count": len(rows),
                "rows": self.opts.verbose_name if len(rows) == 1 else self.opts.verbose_name_plural,
            },
            messages.SUCCESS,
        )
        return None

    actions = ["export_personal_data", "erase_personal_data"]
