"""Helpers for the tests that start the archive as production does, in a subprocess."""

import os
import re
import secrets
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Variables the test run may carry that must not reach a production start.
NOT_INHERITED = (
    "DATABASE_URL",
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "MIGRATE",
    "COLLECTSTATIC",
    "SILENCED_SYSTEM_CHECKS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by tests/conftest.py; check --deploy refuses it
)


def documented_settings() -> dict[str, str]:
    """The `/etc/archive.env` block of README.md's "Running in production", as a dict."""
    readme = (REPO / "README.md").read_text()
    block = re.search(r"```sh\n# /etc/archive\.env\n(.*?)```", readme, re.S)
    assert block, "README.md has no /etc/archive.env block"
    return dict(line.split("=", 1) for line in block.group(1).splitlines() if "=" in line)


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """README's documented settings, on SQLite and directories in tmp_path; `NAME=None`
    in overrides removes a variable."""
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(documented_settings())
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="archive.example.org,127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ACCEL_REDIRECT="",  # no nginx in front of the test
        DEBUG="false",
        ARCHIVE_PYTHON=sys.executable,
        WEB_CONCURRENCY="1",  # the test machine is small
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
