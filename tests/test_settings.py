from __future__ import annotations

import importlib

import coffeechat.settings as production


def test_passwords_are_hashed_with_argon2() -> None:
    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_session_cookies_are_http_only() -> None:
    assert production.SESSION_COOKIE_HTTPONLY is True


def test_https_makes_cookies_secure(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COFFEECHAT_HTTPS", "1")
    try:
        reloaded = importlib.reload(production)
        assert reloaded.SESSION_COOKIE_SECURE is True
        assert reloaded.CSRF_COOKIE_SECURE is True
    finally:
        monkeypatch.delenv("COFFEECHAT_HTTPS")
        importlib.reload(production)


def test_debug_is_off_by_default() -> None:
    assert production.DEBUG is False
