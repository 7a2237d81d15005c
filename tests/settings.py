"""Test settings: the real settings, with plain static storage and a fast password hasher."""

from lmec.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Hashing with PBKDF2 at full strength would dominate the suite's run time.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# whitenoise warns about a missing STATIC_ROOT; the suite serves static files via finders.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
WHITENOISE_USE_FINDERS = True
# `lmec setup` in the suite loads the demo measurements of two stations, not of all.
MONITORING_DEMO_ONLY = ("MMA001", "MRC-KRATIE")
