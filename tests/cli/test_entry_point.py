"""The installed `coffeechat` command, run in its own process with its own data directory."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli.conftest import COFFEECHAT, run_cli

COMMANDS = [
    "serve", "demo", "createuser", "token", "today", "digest", "brief", "import", "export",
    "backup", "restore", "manage", "check-outreach", "check-question",
]  # fmt: skip


def test_help_lists_every_command(data_env: dict[str, str]) -> None:
    result = run_cli("--help", env=data_env)
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "manage"])
def test_each_command_has_its_own_help(command: str, data_env: dict[str, str]) -> None:
    result = run_cli(command, "--help", env=data_env)
    assert result.returncode == 0
    assert "Usage: coffeechat " + command in result.stdout


def test_demo_creates_a_living_pipeline_and_prints_the_password(
    data_env: dict[str, str], tmp_path: Path
) -> None:
    result = run_cli("demo", "--no-serve", env=data_env)
    assert result.returncode == 0, result.stderr
    assert "User: demo" in result.stdout
    assert "Password: " in result.stdout
    db = sqlite3.connect(tmp_path / "data" / "coffeechat.sqlite3")
    people = db.execute("select count(*) from people_person").fetchone()[0]
    organizations = db.execute("select count(*) from people_organization").fetchone()[0]
    stages = {row[0] for row in db.execute("select distinct stage from interviews_interview")}
    assert people == 40
    assert organizations == 15
    assert stages == {
        "idea", "researching", "requested", "scheduled", "held", "thanked", "closed",
        "declined", "no_response", "cancelled",
    }  # fmt: skip


def test_createuser_takes_the_password_from_the_environment(data_env: dict[str, str]) -> None:
    env = {**data_env, "COFFEECHAT_PASSWORD": "correct-horse-battery-9"}
    result = run_cli("createuser", "maya", "--email", "maya@example.com", env=env)
    assert result.returncode == 0, result.stderr
    assert "Created user maya" in result.stdout


def test_createuser_refuses_a_weak_password_with_a_message(data_env: dict[str, str]) -> None:
    result = run_cli("createuser", "maya", env={**data_env, "COFFEECHAT_PASSWORD": "123"})
    assert result.returncode == 1
    assert "password" in result.stderr
    assert "Traceback" not in result.stderr


def test_token_for_an_unknown_user_says_so(data_env: dict[str, str]) -> None:
    run_cli("manage", "migrate", "-v0", env=data_env)
    result = run_cli("token", "nobody", env=data_env)
    assert result.returncode == 1
    assert "No user named 'nobody'" in result.stderr


def test_bad_configuration_is_a_message_not_a_traceback(data_env: dict[str, str]) -> None:
    result = run_cli("today", "--user", "x", env={**data_env, "DATABASE_URL": "mysql://x/y"})
    assert result.returncode == 1
    assert "unsupported scheme" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_a_public_address_without_a_secret_key(data_env: dict[str, str]) -> None:
    result = run_cli("serve", "--host", "0.0.0.0", "--port", "1", env=data_env)
    assert result.returncode == 1
    assert "COFFEECHAT_SECRET_KEY" in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_migrates_and_answers_with_no_configuration(data_env: dict[str, str]) -> None:
    port = _free_port()
    env = {**data_env, "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(
        [COFFEECHAT, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                # No account yet: the first page leads to the owner-account form.
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
                    assert response.url.endswith("/setup/")
                    assert b"Create my account" in response.read()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_check_deploy_is_clean_with_production_settings(data_env: dict[str, str]) -> None:
    env = {
        **data_env,
        "COFFEECHAT_SECRET_KEY": "x9" * 30 + "-production-key-for-the-deploy-check",
        "COFFEECHAT_ALLOWED_HOSTS": "coffeechat.example.org",
        "COFFEECHAT_HTTPS": "1",
    }
    result = run_cli("manage", "check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
