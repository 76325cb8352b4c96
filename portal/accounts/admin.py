from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import User
from portal.core import personal_data
from portal.core.personal_data_admin import PersonalDataAdmin


class PortalUserCreationForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("email", "full_name")


class PortalUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(PersonalDataAdmin, BaseUserAdmin):
    """Besides Django's own: a user's personal data on request, with what every app keeps
    about the account (its memberships, roles, mails, the saves and steps in plans)."""

    form = PortalUserChangeForm
    add_form = PortalUserCreationForm
    ordering = ("full_name", "email")
    list_display = ("email", "full_name", "is_staff", "is_active", "last_login")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("email", "full_name")
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )

    def personal_data_export(self, user) -> dict:
        return personal_data.personal_data_export(email=user.email, persons=[personal_data.USER])

    def personal_data_erase(self, request, user) -> None:
        if user.pk == request.user.pk:
            # Erasing oneself here would end the session in the middle of the admin.
            raise PermissionDenied(_("You cannot erase your own account here."))
        personal_data.personal_data_erase(email=user.email, persons=[personal_data.USER])
