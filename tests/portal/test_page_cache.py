"""The page cache's content version moves when a change is committed, not before."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from portal.core.cache import content_version
from tests import factories as f


def _get_from_another_connection(path: str) -> str:
    """A visitor's request served by another thread, with a database connection of its own."""
    answer = {}

    def visit():
        try:
            answer["html"] = Client().get(path).content.decode()
        finally:
            connection.close()

    thread = threading.Thread(target=visit)
    thread.start()
    thread.join(timeout=60)
    return answer["html"]


@pytest.mark.django_db(transaction=True)
def test_a_request_before_the_commit_cannot_keep_the_old_page_under_the_new_version():
    event = f.EventFactory(title="Old title")
    with transaction.atomic():
        event.title = "New title"
        event.save()
        # Another visitor comes in while the change is not committed: they see the old
        # title, as they should, and the page is cached with the version they read.
        assert "Old title" in _get_from_another_connection("/en/events/")
    assert "New title" in Client().get("/en/events/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_after_the_commit_and_not_for_a_rollback():
    before = content_version()
    with transaction.atomic():
        f.EventFactory(title="Event")
        assert content_version() == before
    after = content_version()
    assert after > before

    with pytest.raises(RuntimeError), transaction.atomic():
        f.EventFactory(title="Never committed")
        raise RuntimeError
    assert content_version() == after


@pytest.mark.django_db(transaction=True)
def test_a_change_after_a_rolled_back_savepoint_still_bumps():
    before = content_version()
    with transaction.atomic():
        try:
            with transaction.atomic():
                f.EventFactory(title="Rolled back")
                raise RuntimeError
        except RuntimeError:
            pass
        f.EventFactory(title="Kept")
    assert content_version() > before
