"""Keeping search entries current: every save of a searched object, or of what its entry
quotes, rewrites the entries concerned in the same transaction.

Signals, connected by the shell's AppConfig, are the one place that sees every write —
pages, the API, the admin, services, the demo loader — without the apps below knowing the
search exists (they may not import the shell). QuerySet.update() sends no signal: code
that changes searched text that way calls `index_objects` itself.
"""

import contextlib

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.db.transaction import on_commit

from portal.core.models import Document
from portal.core.search.store import entries_delete, entries_write, vocabulary_refresh
from portal.search.kinds import BY_MODEL, KINDS, Kind

BATCH = 500


def index_objects(kind: Kind, pks) -> None:
    """Rewrite the entries of these objects of `kind`; remove those no longer public."""
    pks = {pk for pk in pks if pk is not None}
    if not pks:
        return
    entries, gone = kind.entries(pks)
    entries_write(entries)
    if gone:
        entries_delete(kind.model, gone)


def read_pending_texts() -> int:
    """Read the files of documents whose text is not read yet, here and now; index them.

    For the demo loader and a rebuild: uploads have their text read by a task instead.
    """
    from portal.core.documents import document_text_read

    pending = Document.objects.exclude(file="").exclude(text_source=F("file"))
    read = [pk for pk in pending.values_list("pk", flat=True) if document_text_read(document_id=pk)]
    index_objects(BY_MODEL[Document], read)
    return len(read)


def rebuild(kinds=None, *, refresh: bool = True) -> int:
    """Rewrite every entry (of these kinds); for a new database or after a bulk import."""
    read_pending_texts()
    written = 0
    for kind in kinds or KINDS:
        pks = list(kind.model.objects.values_list("pk", flat=True).order_by("pk"))
        for start in range(0, len(pks), BATCH):
            batch = pks[start : start + BATCH]
            index_objects(kind, batch)
            written += len(batch)
    if refresh:
        vocabulary_refresh()
    return written


def rebuild_if_empty(**kwargs) -> None:
    """After `migrate`: a database that has content but no entries yet gets them.

    That is a database from before search entries existed, or restored without them.
    """
    from django.db import connection

    from portal.core.models import SearchEntry

    # After a migration backwards, the table may not be there (any more).
    if SearchEntry._meta.db_table not in connection.introspection.table_names():
        return
    if SearchEntry.objects.exists():
        return
    if any(kind.model.objects.exists() for kind in KINDS):
        rebuild()


def _pks(found) -> list:
    if hasattr(found, "values_list"):
        return list(found.values_list("pk", flat=True))
    return list(found)


def _saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    kind = BY_MODEL.get(sender)
    if kind is not None:
        index_objects(kind, [instance.pk])
        if sender is Document:
            _read_text_later(instance)
    for other in KINDS:
        if sender in other.depends:
            index_objects(other, _pks(other.depends[sender](instance)))


def _deleted(sender, instance, **kwargs):
    kind = BY_MODEL.get(sender)
    if kind is not None:
        entries_delete(sender, [instance.pk])
    for other in KINDS:
        # A priority deleted changes its region's entry; a deleted region has none left.
        if sender in other.depends and other.model is not sender:
            # What it belonged to may be going in the same cascade.
            with contextlib.suppress(ObjectDoesNotExist):
                index_objects(other, _pks(other.depends[sender](instance)))


def _m2m_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if type(instance) in BY_MODEL:
        index_objects(BY_MODEL[type(instance)], [instance.pk])
    if model in BY_MODEL and pk_set:
        index_objects(BY_MODEL[model], pk_set)


def _read_text_later(document: Document) -> None:
    if not document.file or document.text_source == document.file.name:
        return
    from portal.tasks import document_text_index

    pk = document.pk
    # Robust: with the broker down the upload stands; its text is read at the next change.
    on_commit(lambda: document_text_index.delay(pk), robust=True)


def _receivers():
    """Each signal the index listens to: (signal, receiver, sender, dispatch_uid)."""
    models = set(BY_MODEL)
    for kind in KINDS:
        models |= set(kind.depends)
    for model in models:
        yield post_save, _saved, model, f"search-s-{model.__name__}"
        yield post_delete, _deleted, model, f"search-d-{model.__name__}"
    for kind in KINDS:
        for m2m in kind.model._meta.local_many_to_many:
            through = m2m.remote_field.through
            yield m2m_changed, _m2m_changed, through, f"search-m-{kind.model.__name__}-{m2m.name}"


def connect() -> None:
    # Sent once per app that has models after `migrate`; the shell has none, core has the
    # entries.
    post_migrate.connect(
        rebuild_if_empty, sender=apps.get_app_config("core"), dispatch_uid="search-migrated"
    )
    for signal, receiver, sender, uid in _receivers():
        signal.connect(receiver, sender=sender, dispatch_uid=uid)


def disconnect() -> None:
    """Stop following saves (`connect` again to resume; `rebuild` catches up)."""
    for signal, receiver, sender, uid in _receivers():
        signal.disconnect(receiver, sender=sender, dispatch_uid=uid)
