from django.urls import path

from portal.accounts.views import account, login

app_name = "accounts"
urlpatterns = [
    path("", account.account, name="account"),
    path("api-token/", account.api_token, name="api-token"),
    path("two-factor/", account.second_factor_setup, name="second-factor-setup"),
    path("two-factor/recovery-codes/", account.recovery_codes, name="recovery-codes"),
    path("two-factor/remove/", account.second_factor_remove, name="second-factor-remove"),
    path("password-reset/", login.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", login.PasswordResetSentView.as_view(), name="password-reset-sent"),
    path(
        "password-reset/done/",
        login.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        login.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
]
