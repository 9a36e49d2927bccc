"""gunicorn's settings for the archive (scripts/serve runs `gunicorn -c gunicorn.conf.py`).

Each value can be changed from the environment; README.md, "Running in production".
"""

import multiprocessing
import os


def env_int(name: str, default: int) -> int:
    return int(os.getenv(name) or default)


wsgi_app = "archive.wsgi:application"
# Behind nginx on the same machine by default; "0.0.0.0:8000" in a container.
bind = os.getenv("BIND", "127.0.0.1:8000")

# Synchronous workers: the usual 2 × cores + 1, capped so a big machine does not open more
# database connections than PostgreSQL allows.
workers = env_int(
    "WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, env_int("MAX_WORKERS", 8))
)
# A request that takes longer is killed (its worker restarted); a large upload is streamed by
# nginx first, so this bounds Django's own time.
timeout = env_int("GUNICORN_TIMEOUT", 60)
# On SIGTERM (a deploy, a restart) workers finish the requests they hold for this long.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# The addresses whose X-Forwarded-* headers gunicorn believes: the proxy's.
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr, for systemd's journal or the container's log.
accesslog = "-"
errorlog = "-"
loglevel = os.getenv("GUNICORN_LOG_LEVEL", "info")
# Heartbeat files in memory, not on a disk that may be slow or full.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"
