"""CACHE_URL / REDIS_URL and DATABASE_REPLICA_URL, as settings.py reads them."""

import json
import os
import subprocess
import sys

from tests.production.serving import REPO

PRINT = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'cache': settings.CACHES['default'], 'databases': sorted(settings.DATABASES), "
    "'replica': settings.DATABASES.get('replica', {}), "
    "'routers': settings.DATABASE_ROUTERS}))"
)


def settings_with(**env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("CACHE_", "REDIS_"))}
    environ.pop("DATABASE_REPLICA_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {PRINT}"],
        cwd=REPO,
        env={**environ, "DJANGO_SETTINGS_MODULE": "archive.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_without_variables_it_is_one_database_and_a_memory_cache():
    found = settings_with()
    assert found["cache"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["databases"] == ["default"]
    assert found["routers"] == []


def test_cache_url_or_redis_url_is_redis():
    for name in ("CACHE_URL", "REDIS_URL"):
        found = settings_with(**{name: "redis://127.0.0.1:6379/3", "CACHE_KEY_PREFIX": "site-b"})
        assert found["cache"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert found["cache"]["LOCATION"] == "redis://127.0.0.1:6379/3"
        assert found["cache"]["KEY_PREFIX"] == "site-b"


def test_a_replica_url_adds_the_replica_and_its_router():
    found = settings_with(
        DATABASE_URL="postgres://archive@db1:5432/archive",
        DATABASE_REPLICA_URL="postgres://archive@db2:5432/archive?connect_timeout=2",
    )
    assert found["databases"] == ["default", "replica"]
    assert found["replica"]["HOST"] == "db2"
    assert found["replica"]["TEST"]["MIRROR"] == "default"
    assert found["routers"] == ["archive.db_routers.ReplicaRouter"]
