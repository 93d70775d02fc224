"""Django settings. Everything works with no configuration; see the README's configuration table."""

from __future__ import annotations

from coffeechat import env
from coffeechat.core import limits

DATA_DIR = env.data_dir()
DEBUG = env.env_bool("COFFEECHAT_DEBUG", default=False)
SECRET_KEY = env.secret_key(DATA_DIR)
ALLOWED_HOSTS = env.env_list("COFFEECHAT_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
HTTPS = env.env_bool("COFFEECHAT_HTTPS", default=False)
# Reverse proxies in front that append the client's address to X-Forwarded-For (sign-in throttling
# reads it); behind HTTPS there is one, the proxy that ends TLS. 0 trusts REMOTE_ADDR only.
TRUSTED_PROXIES = env.env_int("COFFEECHAT_TRUSTED_PROXIES", 1 if HTTPS else 0)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Serves the API's interactive docs from its own static files (no CDN, no inline script: CSP).
    "ninja",
    "coffeechat.core",
    "coffeechat.accounts",
    "coffeechat.people",
    "coffeechat.interviews",
    "coffeechat.followup",
    "coffeechat.outreach",
    "coffeechat.prep",
    "coffeechat.debrief",
    "coffeechat.portability",
    "coffeechat.insights",
    "coffeechat.network",
    "coffeechat.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coffeechat.core.security.SecurityHeadersMiddleware",
    "coffeechat.core.security.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "coffeechat.accounts.middleware.FirstRunMiddleware",
    "coffeechat.accounts.middleware.UserTimeZoneMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coffeechat.core.context_processors.nav_section",
            ],
        },
    },
]

DATABASES = {
    "default": env.database_config(env.env_str("DATABASE_URL"), DATA_DIR / "coffeechat.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Only needed for `collectstatic` behind another web server; whitenoise serves from the package.
STATIC_ROOT = env.env_str("COFFEECHAT_STATIC_ROOT") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the installed package: no collectstatic step for a local install.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Request sizes (docs/reliability.md, "Limits"): a body beyond them answers 413 (core.errors).
DATA_UPLOAD_MAX_MEMORY_SIZE = limits.MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = limits.MAX_REQUEST_FIELDS
# An uploaded file larger than this goes to a temporary file, not memory; the import form then
# refuses anything above limits.MAX_UPLOAD_BYTES.
FILE_UPLOAD_MAX_MEMORY_SIZE = limits.MAX_REQUEST_BYTES

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60  # two weeks, then sign in again
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.env_bool("COFFEECHAT_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.env_int("COFFEECHAT_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

_email = env.email_config(env.env_str("EMAIL_URL"))
EMAIL_BACKEND = _email.backend
EMAIL_HOST = _email.host
EMAIL_PORT = _email.port
EMAIL_HOST_USER = _email.user
EMAIL_HOST_PASSWORD = _email.password
EMAIL_USE_TLS = _email.use_tls
EMAIL_USE_SSL = _email.use_ssl
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env.env_str("COFFEECHAT_FROM_EMAIL", "coffeechat@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
