"""The embedded PostgreSQL's data directory: one it cannot open is refused, not touched."""

import pytest
from django.db import connection

from portal import embedded


def test_a_data_directory_of_another_major_version_is_refused_with_what_to_do(tmp_path):
    pg_dir = tmp_path / "postgres"
    pg_dir.mkdir()
    (pg_dir / "PG_VERSION").write_text("16\n")
    (pg_dir / "base").mkdir()
    before = sorted(path.name for path in pg_dir.iterdir())
    with pytest.raises(embedded.DataDirectoryError) as refused:
        embedded.check_data_directory(pg_dir)
    message = str(refused.value)
    assert f"{pg_dir} holds a PostgreSQL 16 database" in message
    assert "the embedded server is PostgreSQL 18" in message
    assert "Nothing was changed" in message
    assert "pg_dump -Fc portal > portal.dump" in message
    assert f"mv {pg_dir} {pg_dir}-16" in message
    assert sorted(path.name for path in pg_dir.iterdir()) == before


@pytest.mark.parametrize("contents", [None, "18\n"])
def test_a_new_or_same_version_directory_is_opened(tmp_path, contents):
    pg_dir = tmp_path / "postgres"
    pg_dir.mkdir()
    if contents:
        (pg_dir / "PG_VERSION").write_text(contents)
    embedded.check_data_directory(pg_dir)


def test_the_database_has_the_extensions_search_needs(db, settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        if settings.EMBEDDED:
            assert cursor.fetchone()[0].startswith(str(embedded.SERVER_MAJOR))
        cursor.execute("SELECT extname FROM pg_extension ORDER BY extname")
        extensions = {row[0] for row in cursor.fetchall()}
    assert {"pg_trgm", "unaccent"} <= extensions
