from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

COFFEECHAT = str(Path(sys.executable).parent / "coffeechat")


def run_cli(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the installed `coffeechat` entry point in its own process, as a user would."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COFFEECHAT_", "DJANGO_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [COFFEECHAT, *args], env={**clean, **env}, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def data_env(tmp_path: Path) -> dict[str, str]:
    return {"COFFEECHAT_DATA_DIR": str(tmp_path / "data")}
