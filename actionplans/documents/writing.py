"""Saving a document's content: one transaction, one new version, or a refusal that keeps
what was typed.

Every write carries the version it started from; the document's row is locked and its
version compared. A save that started from an older version than the document's is
refused and kept aside, unnumbered, so it can be compared and applied. Pessimistic locks
("checked out by…") would strand a document whenever someone closed a tab.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.documents import store
from actionplans.documents.diff import changed_parts
from actionplans.documents.kind import DocumentKind
from actionplans.documents.validation import Checking, file_names, validate
from actionplans.models.documents import DocumentVersion

Kind = DocumentVersion.Kind


class VersionConflict(Exception):
    """Someone saved the document after the editor loaded it; this save was not applied."""

    def __init__(self, kind: DocumentKind, document, kept):
        self.kind, self.document, self.kept = kind, document, kept
        self.current = (
            document.versions.filter(number=document.version).select_related("author").first()
        )
        super().__init__(f"{kind.name} {document.pk} is at version {document.version}")

    @property
    def plan(self):
        return self.document

    @property
    def message(self) -> str:
        who = self.current.author if self.current and self.current.author else _("someone")
        return str(self.kind.wording.conflict) % {"who": who, "version": self.document.version}


def document_start(kind: DocumentKind, *, user, document, note: str = "") -> None:
    """Version 0 of a document just created: the content it was made with."""
    content = kind.current_content(document)
    kind.add_version(
        document, number=0, kind=Kind.CREATED, content=content, author=user, note=note[:250]
    )


def document_write(
    kind: DocumentKind,
    *,
    user,
    document,
    expected_version: int,
    content: dict,
    uploads: dict | None = None,
    version_kind: str = Kind.SAVED,
    note: str = "",
):
    """Replace the document's content with `content` as a new version, or refuse and keep
    it. `uploads` are new files by their place in the content ("endorsement.letter")."""
    try:
        with transaction.atomic():
            return _write(
                kind,
                user,
                document.pk,
                expected_version,
                content,
                uploads or {},
                version_kind,
                note,
            )
    except _Stale as stale:
        if not 0 <= expected_version < stale.document.version:
            # Not an older version but none at all: a tampered form or a client's bug.
            raise ValidationError(
                {"version": str(kind.wording.no_version) % {"number": expected_version}}
            ) from None
        parts = _check_refused(kind, stale.document, expected_version, content, uploads or {})
        # Recorded outside the rolled-back transaction: the refused save must survive.
        kept = kind.add_version(
            stale.document,
            kind=Kind.CONFLICT,
            based_on=expected_version,
            content=content,
            parts=parts,
            author=user,
            note=note[:250],
        )
        raise VersionConflict(kind, stale.document, kept) from None


class _Stale(Exception):
    def __init__(self, document):
        self.document = document


def _known_files(document, current: dict):
    """(pattern) -> every file name the document holds now or has held in a version."""

    def known(pattern):
        names = file_names(current, pattern)
        for past in document.versions.exclude(kind=Kind.CONFLICT).values_list("content", flat=True):
            names |= file_names(past, pattern)
        return names

    return known


def _check_refused(kind, document, expected_version, content, uploads) -> list[str]:
    """A refused save is kept as typed, but only if it would have passed had no one saved
    in between: checked against the version it started from, whose rows it names, so a
    megabyte sent on a stale version is refused, not stored. Returns the parts it changed
    from that version."""
    started_from = (
        document.versions.filter(number=expected_version).values_list("content", flat=True).first()
    ) or {}
    checking = Checking(
        current=started_from,
        known_files=_known_files(document, started_from),
        uploads=uploads,
    )
    return changed_parts(kind.shape, started_from, validate(kind.shape, content, checking))


def _write(kind, user, pk, expected_version, content, uploads, version_kind, note):
    document = kind.locked(pk)
    if not kind.may(user, "change", document):
        raise PermissionDenied(
            str(kind.wording.not_editable) % {"state": document.get_state_display()}
        )
    if document.version != expected_version:
        raise _Stale(document)
    # Everything is checked before anything is written, so errors name every problem at
    # once; the transaction still guards against a failure half-way through writing.
    current = kind.current_content(document)
    checking = Checking(
        current=current, known_files=_known_files(document, current), uploads=uploads
    )
    cleaned = validate(kind.shape, content, checking)
    document.version += 1
    store.write(kind.shape, document, cleaned, uploads)
    saved = kind.current_content(document)
    kind.add_version(
        document,
        number=document.version,
        based_on=expected_version,
        kind=version_kind,
        note=note[:250],
        content=saved,
        parts=changed_parts(kind.shape, current, saved),
        author=user,
    )
    return document


def document_restore(kind: DocumentKind, *, user, document, version, expected_version: int):
    """Write an earlier version (or a refused save) back as the newest version."""
    if version.document.pk != document.pk:
        raise ValidationError(_("That version belongs to another document."))
    label = (
        _("Restored the changes refused on %(date)s")
        % {"date": date_format(version.created_at, "SHORT_DATETIME_FORMAT")}
        if version.number is None
        else _("Restored version %(number)s") % {"number": version.number}
    )
    return document_write(
        kind,
        user=user,
        document=document,
        expected_version=expected_version,
        content=version.content,
        version_kind=Kind.RESTORED,
        note=label,
    )
