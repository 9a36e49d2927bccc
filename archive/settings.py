"""Settings for the archive, read from the environment.

With nothing set, the archive runs on SQLite in the checkout with development defaults.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.getenv(name) or default)


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "true")
# The development key is only ever used with DEBUG on; production must set SECRET_KEY.
SECRET_KEY = os.getenv("SECRET_KEY") or ("dev-only-insecure-key" if DEBUG else "")
if not SECRET_KEY:
    raise RuntimeError(
        "SECRET_KEY must be set when DEBUG is off: a long random string, e.g. from "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
# Production names its hosts itself (scripts/serve refuses to start without them).
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_NAME = os.getenv("SITE_NAME") or "The Archive"
# The name in Azerbaijani and Russian (SITE_NAME_AZ, SITE_NAME_RU); a deployment that names
# itself in SITE_NAME alone is called so in every language (`archive.i18n.site_name`).
SITE_NAMES = {
    "az": os.getenv("SITE_NAME_AZ") or ("" if os.getenv("SITE_NAME") else "Arxiv"),
    "ru": os.getenv("SITE_NAME_RU") or ("" if os.getenv("SITE_NAME") else "Архив"),
}
# The licence of the archive's own descriptions (records without a licence of their own):
# exported as their rights URI in JSON-LD, OAI-PMH, EDM and the API.
METADATA_RIGHTS_URI = os.getenv(
    "METADATA_RIGHTS_URI", "https://creativecommons.org/publicdomain/zero/1.0/"
)
# OAI-PMH (archive/oai/): identifiers are oai:<OAI_REPOSITORY_ID>:<kind>:<slug> (default: the
# request's host); page sizes and how long a resumption token stays valid (seconds).
OAI_REPOSITORY_ID = os.getenv("OAI_REPOSITORY_ID", "")
OAI_ADMIN_EMAIL = os.getenv("OAI_ADMIN_EMAIL", "archive@example.org")
OAI_RECORDS_PER_PAGE = envint("OAI_RECORDS_PER_PAGE", 100)
OAI_IDENTIFIERS_PER_PAGE = envint("OAI_IDENTIFIERS_PER_PAGE", 500)
OAI_TOKEN_LIFETIME = envint("OAI_TOKEN_LIFETIME", 24 * 3600)

INSTALLED_APPS = [
    # Records' own texts in each language (archive/translations.py); before the admin so
    # its admin classes and static files win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",  # the read-only JSON API at /api/ (archive/api/)
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by us (no CDN)
    "csp",
    "axes",
    "reversion",
    "import_export",
    "archive",
    "archive.search",
    "people",
    "events",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A database that is down is a 503 (with Retry-After), HTML or JSON, not a 500.
    "archive.middleware.DatabaseUnavailableMiddleware",
    # A visitor's GET may read from the replica (DATABASE_REPLICA_URL); nothing else does.
    "archive.db_routers.ReplicaReadsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Visitors' record pages from the cache, before sessions cost anything (archive/page_cache.py).
    "archive.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the URL's prefix (/az/, /ru/; none is English): archive/i18n.py.
    "archive.i18n.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "archive.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
        # A kept connection is tested before a request reuses it: after a database restart
        # the first request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a curator saves; a busy timeout instead of "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# Read traffic of visitors may go to a streaming replica of the primary (archive/db_routers.py);
# writes, curators, the admin and anything read after a write use the primary.
if os.getenv("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=envint("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
    DATABASE_ROUTERS = ["archive.db_routers.ReplicaRouter"]

# A cache shared by every app server (the API's per-client throttle counts, any cached page):
# Redis at CACHE_URL (or REDIS_URL), e.g. redis://127.0.0.1:6379/0. Without it each process
# keeps its own in memory, which is right for one server with one worker only.
CACHE_URL = os.getenv("CACHE_URL") or os.getenv("REDIS_URL") or ""
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.getenv("CACHE_KEY_PREFIX", "archive"),
            # A Redis that is away fails a request within a second instead of hanging a worker.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logins: django-axes counts failures per username and address and locks that pair out
# for a while (other users and other addresses can still sign in).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
# Behind a proxy: count by the address the proxy appended to X-Forwarded-For (and only then).
TRUST_X_FORWARDED_FOR = envbool("TRUST_X_FORWARDED_FOR", "false")
AXES_CLIENT_IP_CALLABLE = "archive.login_throttling.client_address"

# Sessions: a signed-in curator is signed out after SESSION_COOKIE_AGE seconds (8 hours)
# and when the browser closes.
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = envbool("SESSION_EXPIRE_AT_BROWSER_CLOSE", "true")

# Content-Security-Policy on every page: nothing inline, nothing from elsewhere. The admin
# gets 'unsafe-inline' for styles only (archive/csp.py); media files send their own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Visitors' record pages come from the cache (archive/page_cache.py, docs/caching.md); a CDN or
# browser may keep one PAGE_CACHE_MAX_AGE seconds (0: it asks again each time, a cheap 304).
PAGE_CACHE = envbool("PAGE_CACHE", "true")
PAGE_CACHE_MAX_AGE = envint("PAGE_CACHE_MAX_AGE", 0)

LANGUAGE_CODE = "en"
# The interface's languages (archive/i18n.py); Azerbaijani in the Latin script.
LANGUAGES = [("en", "English"), ("az", "Azərbaycanca"), ("ru", "Русский")]
# A record's text missing in the visitor's language: English, then any (docs/i18n.md).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "az", "ru")}
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}


def s3_media_storage(env=os.environ) -> dict:
    """The default storage on an S3-compatible object store (django-storages), from `env`.

    The bucket stays private: objects get no ACL of their own (the bucket's, owner only), any
    URL the storage makes is signed and short-lived, and visitors never see one: every byte
    goes through the access-checked views of archive/media/, which stream it (serving.py).
    Keys absent: boto3's own chain (an instance or container role, ~/.aws)."""
    options = {
        "bucket_name": env.get("AWS_STORAGE_BUCKET_NAME", ""),
        "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": env.get("AWS_S3_REGION_NAME") or None,
        "addressing_style": env.get("AWS_S3_ADDRESSING_STYLE") or None,  # "path" for MinIO
        "location": env.get("AWS_LOCATION", ""),  # a key prefix, for a shared bucket
        "default_acl": None,  # never "public-read"
        "querystring_auth": True,
        "querystring_expire": 300,
        "file_overwrite": False,  # a name taken is never written over
        "gzip": False,  # the bytes as uploaded: checksums and exports stay byte-identical
    }
    if not options["bucket_name"]:
        raise RuntimeError("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME, the bucket's name.")
    for variable, option in (("AWS_ACCESS_KEY_ID", "access_key"),
                             ("AWS_SECRET_ACCESS_KEY", "secret_key")):  # fmt: skip
        if env.get(variable):
            options[option] = env[variable]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Media: on the filesystem (MEDIA_ROOT, the default) or, with MEDIA_STORAGE=s3 or a bucket named,
# in an S3-compatible object store (README.md, "Running in production").
MEDIA_STORAGE = os.getenv("MEDIA_STORAGE") or (
    "s3" if os.getenv("AWS_STORAGE_BUCKET_NAME") else "filesystem"
)
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = s3_media_storage()
elif MEDIA_STORAGE != "filesystem":
    raise RuntimeError(f"MEDIA_STORAGE must be filesystem or s3, not {MEDIA_STORAGE!r}.")

# Search on PostgreSQL: memory one search may use (its own transaction only), above all for
# the bitmap of a word's matches read from the GIN index. A bitmap needs about 64 bytes per
# heap page of `search_document` that holds a match; below that it turns lossy and every row
# of a lossy page is checked again (docs/benchmarks.md: 64 MB is ample for 1,000,000 records).
SEARCH_WORK_MEM = os.getenv("SEARCH_WORK_MEM", "64MB")
if not re.fullmatch(r"[1-9][0-9]*(kB|MB|GB)", SEARCH_WORK_MEM):
    raise RuntimeError(f"SEARCH_WORK_MEM must be a size such as 64MB, not {SEARCH_WORK_MEM!r}.")

# Uploads: anything larger than this is refused before it is stored.
MEDIA_MAX_UPLOAD_BYTES = envint("MEDIA_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
MEDIA_MAX_IMAGE_PIXELS = envint("MEDIA_MAX_IMAGE_PIXELS", 100_000_000)
# With nginx in front: hand file bytes to an `internal` location aliasing MEDIA_ROOT
# (e.g. "/protected-media/") after the view has checked access. Empty: Django sends them.
MEDIA_ACCEL_REDIRECT = os.getenv("MEDIA_ACCEL_REDIRECT", "")
if MEDIA_ACCEL_REDIRECT and MEDIA_STORAGE == "s3":
    raise RuntimeError(
        "MEDIA_ACCEL_REDIRECT hands nginx a file under MEDIA_ROOT; with MEDIA_STORAGE=s3 the "
        "files are in the bucket and the archive streams them itself: unset it."
    )
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# HTTPS, each setting from the variable of the same name (README.md, "Running in production").
# With DEBUG off, redirects and secure cookies are on unless turned off; HSTS is a promise
# browsers keep for SECURE_HSTS_SECONDS, so it is never on until set (check --deploy: W004).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", str(not DEBUG))
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer probes over plain HTTP
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", str(not DEBUG))
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", str(not DEBUG))
# The curator's admin language (set_language; only the admin reads it: archive/i18n.py).
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "false")
# Trust X-Forwarded-Proto only when told a proxy sets it: otherwise any client could claim
# HTTPS. The proxy must overwrite the header (nginx: proxy_set_header X-Forwarded-Proto $scheme).
if envbool("SECURE_PROXY_SSL_HEADER", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# e.g. "security.W021" for a site that will not ask to be on browsers' HSTS preload list.
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "WARNING")},
}

# The read-only JSON API (archive/api/): public, throttled per anonymous client.
API_ANON_RATE = os.getenv("API_ANON_RATE", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_PAGINATION_CLASS": "archive.api.pagination.KindCursorPagination",
    "PAGE_SIZE": 25,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME}: API",
    "DESCRIPTION": "Published records of every kind, each as its one description.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # check --deploy (scripts/serve) must not need the database, nor refuse to start over a
    # schema hint: tests/api/test_schema.py validates the generated schema instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}
