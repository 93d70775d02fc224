"""Security headers on every kind of response, and templates that the policy lets run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from coffeechat.core.security import CONTENT_SECURITY_POLICY
from tests.conftest import ApiClient

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
TEMPLATES = sorted(Path("src/coffeechat").glob("*/templates/**/*.html"))


def test_the_policy_allows_scripts_from_this_site_only() -> None:
    assert CONTENT_SECURITY_POLICY == POLICY


def test_a_page_carries_every_security_header(owner_client: Client) -> None:
    response = owner_client.get("/people/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_permissions_policy_turns_off_unused_features(owner_client: Client) -> None:
    policy = owner_client.get("/people/")["Permissions-Policy"]
    features = dict(item.split("=") for item in policy.split(", "))
    assert features["camera"] == "()"
    assert features["microphone"] == "()"
    assert features["geolocation"] == "()"
    assert features["payment"] == "()"
    # Live mode keeps the screen awake; the composer copies to the clipboard.
    assert "screen-wake-lock" not in features
    assert "clipboard-write" not in features


def test_the_login_page_carries_the_headers(client: Client, owner: User) -> None:
    response = client.get("/accounts/login/")
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Frame-Options"] == "DENY"


def test_a_404_page_carries_the_headers(owner_client: Client) -> None:
    response = owner_client.get("/people/999999/")
    assert response.status_code == 404
    assert response["Content-Security-Policy"] == POLICY


def test_an_api_answer_carries_the_headers(owner_api: ApiClient) -> None:
    response = owner_api.get("/api/v1/me")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_static_file_carries_the_headers(client: Client, owner: User) -> None:
    response = client.get("/static/coffeechat/app.css")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY


def test_the_api_docs_load_their_scripts_from_this_site(client: Client, owner: User) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
    assert "cdn.jsdelivr.net" not in page


# --- templates: what the policy would block ------------------------------------------------------


def inline_scripts(html: str) -> list[str]:
    """<script> elements with code in the page (not a src, not a JSON data island)."""
    return [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if "src=" not in tag and 'type="application/json"' not in tag
    ]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to("src")))
def test_no_template_has_inline_script(template: Path) -> None:
    assert inline_scripts(template.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to("src")))
def test_no_template_has_an_event_handler_attribute(template: Path) -> None:
    html = template.read_text(encoding="utf-8")
    assert re.findall(r"\son[a-z]+\s*=", html) == []
    assert "javascript:" not in html
    assert "hx-on" not in html  # htmx would need eval for these


def test_the_template_check_finds_inline_code() -> None:
    assert inline_scripts('<script>alert(1)</script><script src="/a.js"></script>') == ["<script>"]
    assert re.findall(r"\son[a-z]+\s*=", '<button onclick="go()">') == [" onclick="]
