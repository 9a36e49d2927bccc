"""Private services for scripts/load-test and scripts/replica-demo: a PostgreSQL cluster of
their own (initdb in a temporary directory, on a free loopback port; never the shared one on
5432), an optional streaming replica of it, an S3 server with a bucket (moto's), and the
archive served by scripts/serve. Loopback only; every wait is bounded; `Services.stop()` ends
everything it started."""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = str(REPO / ".venv" / "bin" / "python") if (REPO / ".venv").exists() else sys.executable
RUN_AS = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def pg_bin(name: str) -> str:
    bindir = subprocess.run(
        ["pg_config", "--bindir"], capture_output=True, text=True, check=True, timeout=10
    ).stdout.strip()
    return str(Path(bindir) / name)


def run(args, *, env=None, timeout=600, check=True, quiet=True, cwd=REPO):
    result = subprocess.run(
        args, cwd=cwd, env=env, timeout=timeout, capture_output=quiet, text=True, check=False
    )
    if check and result.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({result.returncode}):\n{result.stderr}")
    return result


class Cluster:
    """One PostgreSQL server in a directory of its own, on 127.0.0.1:port."""

    def __init__(self, root: Path, name: str):
        self.dir = root / name
        self.data = self.dir / "data"
        self.port = free_port()
        self.logfile = self.dir / "postgres.log"
        self.settings: dict[str, str] = {}  # extra -c settings, e.g. log_statement

    def _as_postgres(self, args, **kwargs):
        return run([*RUN_AS, *args], **kwargs)

    def _make_dir(self):
        self.dir.mkdir(parents=True)
        if RUN_AS:
            shutil.chown(self.dir, "postgres", "postgres")

    def init(self):
        self._make_dir()
        self._as_postgres(
            [pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust"]
            + ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            timeout=120,
        )

    def base_backup_of(self, primary: "Cluster"):
        """A streaming replica of `primary`: pg_basebackup -R writes its primary_conninfo."""
        self._make_dir()
        self._as_postgres(
            [pg_bin("pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port), "-U"]
            + ["postgres", "-D", str(self.data), "-R", "-X", "stream", "--no-sync"]
            + ["--checkpoint=fast"],  # not a spread one: minutes of waiting
            timeout=300,
        )

    def _options(self) -> str:
        extra = "".join(f" -c {name}={value}" for name, value in self.settings.items())
        return f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1{extra}"

    def start(self):
        self._as_postgres(
            [pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-o"]
            + [self._options(), "-w", "-t", "60", "start"],
            timeout=90,
        )

    def restart(self):
        """pg_ctl restart -m fast: every connection is cut; returns once it accepts again."""
        self._as_postgres(
            [pg_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-o"]
            + [self._options(), "-m", "fast", "-w", "-t", "60", "restart"],
            timeout=90,
        )

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._as_postgres(
                [pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "-t", "30"]
                + ["stop"],
                timeout=60,
                check=False,
            )

    def psql(self, sql: str, database: str = "postgres") -> str:
        return run(
            [pg_bin("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"]
            + ["-d", database, "-Atc", sql],
            timeout=60,
        ).stdout.strip()

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}?connect_timeout=2"


class Services:
    """A temporary directory holding the clusters, media, static files and logs."""

    def __init__(self, prefix: str):
        self.root = Path(tempfile.mkdtemp(prefix=prefix))
        self.root.chmod(0o755)  # the postgres user must reach its cluster's directory
        self.clusters: list[Cluster] = []
        self.servers: list[subprocess.Popen] = []
        self.secret_key = secrets.token_urlsafe(50)

    def cluster(self, name: str) -> Cluster:
        cluster = Cluster(self.root, name)
        self.clusters.append(cluster)
        return cluster

    def archive_env(self, database_url: str, **extra: str) -> dict[str, str]:
        """The production settings scripts/serve runs with (README.md, "Running in production"),
        behind a pretend TLS proxy: clients send X-Forwarded-Proto: https as nginx would."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DATABASE_", "CACHE_", "REDIS_", "DJANGO_"))
            and key not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "MIGRATE", "COLLECTSTATIC")
        }
        env.update(
            DEBUG="false",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=database_url,
            MEDIA_ROOT=str(self.root / "media"),
            STATIC_ROOT=str(self.root / "static"),
            SECURE_PROXY_SSL_HEADER="true",
            SECURE_HSTS_SECONDS="3600",
            SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
            SECURE_HSTS_PRELOAD="true",
            ARCHIVE_PYTHON=PYTHON,
            GUNICORN_LOG_LEVEL="warning",
        )
        env.update(extra)
        return env

    def manage(self, env, *args, timeout=1800):
        return run([PYTHON, "manage.py", *args], env=env, timeout=timeout)

    def serve(self, env, name: str, **extra: str) -> str:
        """scripts/serve on a free port; returns its base URL once /healthz answers 200."""
        port = free_port()
        env = {**env, "BIND": f"127.0.0.1:{port}", **extra}
        logfile = (self.root / f"gunicorn-{name}.log").open("w")
        server = subprocess.Popen(
            [str(REPO / "scripts" / "serve")],
            cwd=REPO,
            env=env,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends it and its workers
        )
        self.servers.append(server)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise RuntimeError(f"serve {name} exited; see {logfile.name}")
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return base
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"serve {name} did not answer within 120 s; see {logfile.name}")

    def bucket(self, name: str = "archive-media", region: str = "eu-central-1") -> dict[str, str]:
        """An S3 server of its own (moto's, from the venv, on a free loopback port) holding one
        new private bucket; returns the settings that make it the media storage."""
        import boto3  # only the demos that use a bucket need it

        port = free_port()
        logfile = (self.root / "moto.log").open("w")
        server = subprocess.Popen(
            [PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            cwd=self.root,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.servers.append(server)
        endpoint = f"http://127.0.0.1:{port}"
        keys = {"aws_access_key_id": "demo-only", "aws_secret_access_key": "demo-only"}
        client = boto3.client("s3", endpoint_url=endpoint, region_name=region, **keys)
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"moto exited; see {logfile.name}")
            try:
                client.create_bucket(
                    Bucket=name, CreateBucketConfiguration={"LocationConstraint": region}
                )
                break
            except Exception:  # not listening yet (botocore's connection errors vary)
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": name,
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_S3_REGION_NAME": region,
            "AWS_ACCESS_KEY_ID": keys["aws_access_key_id"],
            "AWS_SECRET_ACCESS_KEY": keys["aws_secret_access_key"],
        }

    def stop(self, keep: bool = False):
        for server in self.servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
        for server in self.servers:
            try:
                server.wait(timeout=35)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(timeout=10)
        for cluster in reversed(self.clusters):
            cluster.stop()
        if keep:
            log(f"kept {self.root}")
        else:
            shutil.rmtree(self.root, ignore_errors=True)
