"""Test settings: the real settings, with the data directory in a temporary folder."""

import os
import tempfile

os.environ.setdefault("COFFEECHAT_DATA_DIR", tempfile.mkdtemp(prefix="coffeechat-tests-"))

from coffeechat.settings import *  # noqa: F403

# Hashing is tested with the production hasher in test_settings; elsewhere it only slows tests down.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
