from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from portal import about, views
from portal.accounts.views import login as accounts_login
from portal.core.cache import public_page
from portal.core.views import document_file
from portal.sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("robots.txt", views.robots, name="robots"),
    path("favicon.ico", about.favicon, name="favicon"),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # The browsable API links to "rest_framework:login" when there is one: the portal's own.
    path(
        "api/v1/auth/",
        include(([path("login/", views.login_redirect, name="login")], "rest_framework")),
    ),
    # Not under a language prefix: the language of an API answer is asked for per request.
    path("api/v1/", include("portal.api.urls")),
    # After every endpoint: any other address under /api/ answers the API's JSON 404.
    re_path(r"^api/", views.api_not_found, name="api-not-found"),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/suggestions/", views.search_suggestions, name="search-suggestions"),
    path("map/", views.network_map, name="map"),
    path("data/", views.use_our_data, name="use-our-data"),
    path("contact/", about.about_page, {"page": "contact"}, name="contact"),
    path("legal-notice/", about.about_page, {"page": "legal-notice"}, name="legal-notice"),
    path("privacy/", about.about_page, {"page": "privacy"}, name="privacy"),
    path("accessibility/", about.about_page, {"page": "accessibility"}, name="accessibility"),
    path("manifest.webmanifest", about.web_manifest, name="web-manifest"),
    path("login/", accounts_login.LoginView.as_view(), name="login"),
    path("login/code/", accounts_login.login_code, name="login-code"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", include("portal.accounts.urls")),
    path("", include("projects.urls")),
    path("", include("regions.urls")),
    path("events/", include("events.urls")),
    path("news/", include("news.urls")),
    path("newsletter/", include("news.newsletter_urls")),
    path("", include("actionplans.urls")),
    path("reports/", include("portal.core.reports.urls")),
    # The admin's own login would skip the lockout's page and the second factor: one login.
    path("admin/login/", views.login_redirect, name="admin-login"),
    path("admin/", admin.site.urls),
)
# Uploaded documents, with DEBUG off too; a reverse proxy may serve media/documents/ itself.
urlpatterns.append(path("media/<path:path>", document_file, name="document-file"))

handler404 = "portal.views.not_found"
handler500 = "portal.views.server_error"
