"""Settings of the RIAL portal, read from the environment.

With no environment set, the portal runs in its embedded mode: SQLite under
``var/``, Celery on Kombu's filesystem transport (no server), email written to
``var/mail/``. Production sets DATABASE_URL, REDIS_URL, EMAIL_URL, SECRET_KEY,
ALLOWED_HOSTS and leaves DEBUG off. The README lists every variable.
"""

import datetime
import ipaddress
import logging
import re
import sys
from decimal import Decimal
from pathlib import Path

import environ
import structlog
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

from rial_portal.storage import storage_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

VAR_DIR = Path(env.path("RIAL_VAR_DIR", default=str(BASE_DIR / "var")))
# The embedded defaults (SQLite file, file cache, filesystem broker, mail files)
# all live here; the folders must exist before any process touches them.
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DEBUG", default=False)

# Commands that read the models only and sign nothing: they run with a bare
# environment (CI's and editors' migration checks), without a key.
KEYLESS_COMMANDS = {"makemigrations"}

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    keyless = len(sys.argv) > 1 and sys.argv[1] in KEYLESS_COMMANDS
    if not (DEBUG or keyless):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long "
            "random string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=true for local development."
        )
    # Only reachable with DEBUG on, or for a command that signs nothing: a
    # fixed key for development, never for production.
    SECRET_KEY = "django-insecure-rial-development-only"

# Earlier keys, comma-separated, while what they signed runs out (sessions,
# sign-in and registration links): a new SECRET_KEY signs, these still verify
# (docs/operations.md, rotating the key).
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # modeltranslation must precede django.contrib.admin to patch its forms.
    "modeltranslation",
    "rial_portal.apps.RialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    # django.contrib.staticfiles, leaving out what no page serves.
    "api.apps.RialStaticFilesConfig",
    "django.contrib.humanize",
    # Full-text search and trigram lookups; inert on SQLite.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Periodic tasks kept in the database, editable in the admin.
    "django_celery_beat",
    # The read-only API for partner sites, its OpenAPI schema and its docs
    # (Swagger UI served from our static files by the sidecar, never a CDN).
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_structlog",
    "core",
    "network",
    "accounts",
    "portfolio",
    "meetings",
    "fund",
    "cooperation",
    "newsletter",
    "library",
    "forum",
    "evaluations",
    # The global search across the apps above; reads only, no models.
    "search",
    # The published data as open data files, their dictionaries and catalogue.
    "opendata",
    "api",
    # What spans all of the above: the demo, scale, backup and restore
    # commands, the staff roles, the home page and the dashboard's deadlines.
    "rial_portal.apps.RialPortalConfig",
]

MIDDLEWARE = [
    # Outermost, with its pair near the end: counts and times every request
    # (Prometheus, /metrics/).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # Then: every response, a redirect to HTTPS included, carries the id its
    # log lines have.
    "rial_portal.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After authentication, so that a request's lines name the user's id.
    "django_structlog.middlewares.RequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After the language, session, authentication and messages: it serves
    # visitors what it stored for their language, and only to them.
    "core.visitor_cache.VisitorCacheMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # The pair of the first: it sees the view that answered, and the answer
    # of django-axes to a locked-out login.
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Last, as django-axes requires: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
    # Innermost, so that it sees a view's database failure before any other.
    "rial_portal.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "rial_portal.urls"
WSGI_APPLICATION = "rial_portal.wsgi.application"
ASGI_APPLICATION = "rial_portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database ------------------------------------------------------------------

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default cost of a random read (4) is that of a spinning
    # disk: with it the planner scans a whole table where an index serves a
    # search better. On SSDs, or with the data in memory, a random read costs
    # about as much as a sequential one.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={env.float('DATABASE_RANDOM_PAGE_COST', default=1.1)}"
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded mode runs web, worker and beat on one SQLite file: wait for
    # a lock instead of failing, and take write locks up front.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: Celery broker and cache ----------------------------------------------

REDIS_URL = env.str("REDIS_URL", default="")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rial",
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    # Web, worker and beat are separate processes: a file cache is shared by them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
    _queue_dir = VAR_DIR / "celery" / "queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        # Broadcast and remote-control messages (worker pings) go here, not to ./control.
        "control_folder": str(VAR_DIR / "celery" / "control"),
        # Seconds between looks at the queue folder: quick enough for a person
        # waiting for a confirmation email, cheap enough for a laptop.
        "polling_interval": 0.5,
    }

# The visitors' cache (core/visitor_cache.py): anonymous visitors' pages
# come from the cache above, renewed by every write. VISITOR_CACHE_SECONDS only
# bounds how long an unread page takes room.
VISITOR_CACHE = env.bool("VISITOR_CACHE", default=True)
# Fragments of pages kept under the same content version, for everyone (the
# filters' choices): what stays fast when a page cannot be stored.
FRAGMENT_CACHE = env.bool("FRAGMENT_CACHE", default=True)
VISITOR_CACHE_SECONDS = env.int("VISITOR_CACHE_SECONDS", default=60 * 60)

# Celery -------------------------------------------------------------------

CELERY_TIMEZONE = env.str("TIME_ZONE", default="America/New_York")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Tasks are idempotent, so a message redelivered after a worker died is safe.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Publishing gives up quickly when the broker is down: the email's row is
# saved already and the beat's requeue sends it later; a web request should
# not hang on the broker.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
# Beat reads its schedule from the database (django-celery-beat), so staff
# change times or pause a task in the admin. RIAL_PERIODIC_TASKS are the
# defaults: core.beat creates the missing ones after each migrate and never
# overwrites one that exists (it is not CELERY_BEAT_SCHEDULE, which beat would
# write over the admin's edits at every start). A "schedule" is seconds or a
# celery.schedules.crontab. Only the beat holding a lock in Redis sends
# (rial_portal/beat.py): a beat on every node is safe.
CELERY_BEAT_SCHEDULER = "rial_portal.beat:SingleBeatScheduler"
RIAL_PERIODIC_TASKS = {
    "email-requeue-stale": {
        "task": "core.tasks.email_requeue_stale",
        "schedule": 5 * 60,
    },
    "library-requeue-pending-files": {
        "task": "library.tasks.files_requeue_pending",
        "schedule": 5 * 60,
    },
    "fund-alerts": {
        "task": "fund.tasks.fund_send_alerts",
        "schedule": 24 * 60 * 60,
    },
    "portfolio-verification-reminders": {
        "task": "portfolio.tasks.program_verification_remind",
        "schedule": 24 * 60 * 60,
    },
    "meetings-registration-reminders": {
        "task": "meetings.tasks.registrations_remind",
        "schedule": 60 * 60,
    },
    "meetings-waiting-list-offers": {
        "task": "meetings.tasks.offers_expire",
        "schedule": 10 * 60,
    },
    "meetings-national-report-reminders": {
        "task": "meetings.tasks.national_reports_remind",
        "schedule": 60 * 60,
    },
    "meetings-certificates-ready": {
        "task": "meetings.tasks.certificates_announce",
        "schedule": 60 * 60,
    },
    "meetings-purge-personal-data": {
        "task": "meetings.tasks.registrations_purge",
        "schedule": crontab(hour=3, minute=0),
    },
    "cooperation-report-reminders": {
        "task": "cooperation.tasks.reports_remind",
        "schedule": crontab(hour=7, minute=30),
    },
    "cooperation-call-reminders": {
        "task": "cooperation.tasks.calls_remind",
        "schedule": 60 * 60,
    },
    "newsletter-draft-issue": {
        "task": "newsletter.tasks.issue_draft_if_due",
        "schedule": crontab(hour=8, minute=0),
    },
    "newsletter-send-due-issues": {
        "task": "newsletter.tasks.issue_send_due",
        "schedule": 60,
    },
    "forum-daily-digest": {
        "task": "forum.tasks.digest_send",
        "schedule": crontab(hour=6, minute=0),
    },
    "evaluations-send": {
        "task": "evaluations.tasks.evaluations_send",
        "schedule": 60 * 60,
    },
}

# Email --------------------------------------------------------------------

EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    globals().update(env.email_url_config(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="RIAL <rial@oas.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# Links in emails are absolute: the portal's public address.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Authentication -------------------------------------------------------------

AUTH_USER_MODEL = "network.User"
AUTHENTICATION_BACKENDS = [
    # Counts failed logins and locks out after AXES_FAILURE_LIMIT of them.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "home"

# Sessions end after this many seconds without a request ("remember me"
# keeps one for REMEMBER_ME_SECONDS instead).
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
REMEMBER_ME_SECONDS = env.int("REMEMBER_ME_SECONDS", default=14 * 24 * 60 * 60)

# Login throttling: a user name and address pair is locked for an hour after
# five failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Invitations to set a password, and password resets, expire.
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

OTP_TOTP_ISSUER = "RIAL"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalization -------------------------------------------------------

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("pt", _("Portuguese")),
]
# Formats that read better than Django's in a language (rial_portal/formats/).
FORMAT_MODULE_PATH = ["rial_portal.formats"]
# Content may be written in any of the OAS's four languages, even where the
# interface is not translated yet.
CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
]
MODELTRANSLATION_LANGUAGES = ("en", "es", "pt", "fr")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "es", "pt", "fr")
# The admin's language tabs need jQuery UI; modeltranslation's default is a
# public CDN, which the Content-Security-Policy blocks (and pages work offline).
# Vendored from npm's jquery-ui 1.14.2 (its LICENSE.txt beside it).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = CELERY_TIMEZONE
USE_I18N = True
USE_TZ = True

# Static and uploaded files ---------------------------------------------------

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.path("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
# Uploads are never served at MEDIA_URL, whatever DEBUG says: each goes through
# the view that checks who may read it (core/files.py).
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.path("MEDIA_ROOT", default=str(VAR_DIR / "media")))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploads go to the S3-compatible bucket STORAGE_URL names (rial_portal/storage.py),
# shared by every web node and worker; without it, to MEDIA_ROOT. Read into a
# lower-case name, which Django does not keep as a setting: the URL holds the
# secret key, and error reports print settings (they hide OPTIONS' keys).
storage_url = env.str("STORAGE_URL", default="")
STORAGES = {
    "default": storage_from_url(storage_url, max_memory_size=FILE_UPLOAD_MAX_MEMORY_SIZE)
    if storage_url
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Source maps are for developers' tools only: not worth compressing (the API
# docs' Swagger UI brings megabytes of them).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# Uploaded documents (program attachments, meeting documents).
RIAL_MAX_UPLOAD_BYTES = env.int("RIAL_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)

# Program Portfolio: how often a published program must be confirmed by its
# ministry, and how long an unconfirmed one stays in the default list after that.
PORTFOLIO_VERIFY_EVERY_DAYS = env.int("PORTFOLIO_VERIFY_EVERY_DAYS", default=365)
PORTFOLIO_VERIFY_GRACE_DAYS = env.int("PORTFOLIO_VERIFY_GRACE_DAYS", default=180)

# Voluntary Contribution Fund: the balance it should hold at each year end
# (US$120,000, as agreed by the Ministries), and how many days before a
# pledge's last year ends its ministry is reminded.
FUND_MINIMUM_ANNUAL_BUDGET = Decimal(env.str("FUND_MINIMUM_ANNUAL_BUDGET", default="120000"))
FUND_PLEDGE_REMINDER_DAYS = env.int("FUND_PLEDGE_REMINDER_DAYS", default=60)

# Cooperation: the final report is due this many days after the activity, and
# reminders of reports and follow-ups go this many days before they are due.
COOPERATION_REPORT_DUE_DAYS = env.int("COOPERATION_REPORT_DUE_DAYS", default=60)
COOPERATION_REMINDER_DAYS = env.int("COOPERATION_REMINDER_DAYS", default=14)

# Newsletter. An issue goes out in Celery tasks of NEWSLETTER_BATCH_SIZE
# recipients, each over one connection to the mail server (many servers cap
# messages per connection near 100). NEWSLETTER_RATE_PER_SECOND paces each
# worker process (0: as fast as the server accepts; N workers send up to N
# times the rate). An address refused NEWSLETTER_DISABLE_AFTER_FAILURES times
# in a row is disabled. The beat drafts an issue for review when the last one
# is NEWSLETTER_DRAFT_EVERY_DAYS old. NEWSLETTER_UNSUBSCRIBE_MAILTO, if set,
# is offered in the List-Unsubscribe header beside the one-click link;
# someone must then read that mailbox.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
NEWSLETTER_RATE_PER_SECOND = env.float("NEWSLETTER_RATE_PER_SECOND", default=0)
NEWSLETTER_DISABLE_AFTER_FAILURES = env.int("NEWSLETTER_DISABLE_AFTER_FAILURES", default=3)
NEWSLETTER_DRAFT_EVERY_DAYS = env.int("NEWSLETTER_DRAFT_EVERY_DAYS", default=14)
NEWSLETTER_UNSUBSCRIBE_MAILTO = env.str("NEWSLETTER_UNSUBSCRIBE_MAILTO", default="")

# API for partner sites (api/) --------------------------------------------------

# Read-only and anonymous: no authentication class, so neither sessions nor
# CSRF ever matter, and every caller sees exactly what a visitor sees. Each
# address may make API_THROTTLE_RATE requests (empty: no limit); behind
# API_NUM_PROXIES proxies the address is read from X-Forwarded-For. Cross-origin
# reads from browsers are off: no Access-Control-Allow-Origin header is sent.
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="120/min") or None
if API_THROTTLE_RATE and not re.fullmatch(r"\d+/(s|sec|m|min|h|hour|d|day)", API_THROTTLE_RATE):
    raise ImproperlyConfigured(
        f"API_THROTTLE_RATE is {API_THROTTLE_RATE!r}: give requests per period, such as "
        "120/min, 5000/day (periods: s, min, hour, day), or leave it empty for no limit."
    )
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AddressRateThrottle"],
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=1),
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "RIAL API",
    "DESCRIPTION": _(
        "Read-only data the RIAL portal publishes: programs of the Program Portfolio, "
        "public meetings and documents, cooperation activities and their results, the "
        "Voluntary Contribution Fund's statement, member states and topics. It shows "
        "exactly what the public pages show. Translated texts come in the language asked "
        "for with ?lang= (en, es, pt, fr) or the Accept-Language header, else in the first "
        "language that has them; each such text says which language it is in."
    ),
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # One name for the content languages, whichever field names them.
    "ENUM_NAME_OVERRIDES": {"ContentLanguageEnum": [code for code, _name in CONTENT_LANGUAGES]},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_common_parameters_and_errors",
    ],
}

# The empty choice of every filter select on the public lists (django-filter's,
# and the plain forms that read it from django_filters.conf.settings).
FILTERS_EMPTY_CHOICE_LABEL = _("All")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security -------------------------------------------------------------------

# A TLS-terminating proxy in front says a request came over HTTPS with
# X-Forwarded-Proto. The header is trusted only when BEHIND_PROXY says such a
# proxy (one that overwrites it) is there: reached directly, any client could
# claim HTTPS with it.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)

# Scripts and styles come only from our static files: no inline code, so an
# injected <script> or style attribute does not run. Data URIs are allowed for
# images only (the admin's and Bootstrap's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The health checks are probed over plain HTTP from inside the container network.
SECURE_REDIRECT_EXEMPT = [r"^health/((live|ready)/)?$", r"^metrics/$"]

# Logging ----------------------------------------------------------------------

# Each line is one JSON object in production, for a log collector; readable
# text in development. A request's lines, and those of the Celery tasks it
# queued, carry its request_id (rial_portal.middleware.RequestIdMiddleware,
# django-structlog), so that one search finds everything a click caused.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO").upper()
LOG_FORMAT = env.str("LOG_FORMAT", default="console" if DEBUG else "json")
if LOG_FORMAT not in ("json", "console"):
    raise ImproperlyConfigured(f"LOG_FORMAT is {LOG_FORMAT!r}: give json or console.")

# Added to every line, whether it came from structlog or a library's logging.
_LOG_CONTEXT = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_logger_name,
    structlog.stdlib.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
structlog.configure(
    processors=[
        structlog.stdlib.filter_by_level,
        *_LOG_CONTEXT,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.StackInfoRenderer(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    wrapper_class=structlog.stdlib.BoundLogger,
    cache_logger_on_first_use=True,
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            "foreign_pre_chain": _LOG_CONTEXT,
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer(),
            ],
        },
        "console": {
            "()": structlog.stdlib.ProcessorFormatter,
            "foreign_pre_chain": _LOG_CONTEXT,
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.dev.ConsoleRenderer(colors=False),
            ],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
# The request id given by the proxy in front (X-Request-ID), once
# RequestIdMiddleware has checked it is a plain token; else a new one.
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True
# One line per request at INFO (request_finished, with its status); the line
# as it starts only at DEBUG.
DJANGO_STRUCTLOG_STATUS_START_LOG_LEVEL = logging.DEBUG
# Tasks queued during a request carry its request id in their headers.
DJANGO_STRUCTLOG_CELERY_ENABLED = True
# Celery's worker keeps the handlers above instead of installing its own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Error reports (Sentry or a compatible service): only with SENTRY_DSN; what
# is sent is scrubbed of personal data (rial_portal/error_reporting.py).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from .error_reporting import error_reporting_start

    error_reporting_start(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default=""),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# Metrics (/metrics/) ------------------------------------------------------------

# Besides staff (with their second factor), the addresses or networks whose
# scraper may read /metrics/ (the monitoring network): "10.0.5.0/24,10.0.6.7".
# Checked against the peer's own address, not X-Forwarded-For: scrape the web
# processes directly, not through the proxy.
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=[])
for _network in METRICS_ALLOWED_IPS:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"METRICS_ALLOWED_IPS names {_network!r}: give addresses or networks "
            "such as 10.0.5.7 or 10.0.5.0/24, separated by commas."
        ) from None
