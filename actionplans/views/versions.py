"""A document's versions — the list, one version, two compared, restoring one — for plans
and reports alike; each kind says where its pages are (`VersionPages`)."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actionplans.documents import writing
from actionplans.documents.diff import compare
from actionplans.documents.display import display
from actionplans.documents.kind import DocumentKind


@dataclass(frozen=True)
class VersionPages:
    kind: DocumentKind
    # URL names: detail, history, compare, version, restore (each takes the document's pk)
    urls: dict
    # Renders one content (`doc`) with the document beside it.
    document_template: str
    missing_version: str  # the message when a form comes without the version

    def context(self, request, document, **extra) -> dict:
        return {
            "document": document,
            self.kind.name: document,
            "urls": self.urls,
            "document_template": self.document_template,
            "can_restore": self.kind.may(request.user, "change", document),
            **extra,
        }


def _version(document, pk):
    try:
        return document.versions.select_related("author").get(pk=pk)
    except (ValueError, TypeError, document.versions.model.DoesNotExist):
        raise Http404(_("There is no such version.")) from None


def history(request, pages: VersionPages, document):
    """Every version, each naming the parts it changed, and the workflow steps between
    them, newest first."""
    versions = list(
        document.versions.select_related("author").defer("content").order_by("-created_at", "-pk")
    )
    titles = {part.name: part.short or part.title for part in pages.kind.shape.parts}
    for version in versions:
        version.part_titles = [titles[name] for name in version.parts if name in titles]
    steps = list(document.transitions.select_related("by").order_by("-at", "-pk"))
    for step in steps:
        step.is_step = True
    entries = sorted(
        [*versions, *steps],
        key=lambda entry: entry.at if getattr(entry, "is_step", False) else entry.created_at,
        reverse=True,
    )
    return render(
        request,
        "actionplans/history.html",
        pages.context(
            request,
            document,
            versions=versions,
            entries=entries,
            # Offered for comparison at first: the newest version against the one before.
            compare_from=versions[1].pk if len(versions) > 1 else None,
            compare_to=versions[0].pk if versions else None,
        ),
    )


def version(request, pages: VersionPages, document, version_pk):
    shown = _version(document, version_pk)
    refs = pages.kind.references(shown.content)
    return render(
        request,
        "actionplans/version.html",
        pages.context(
            request, document, version=shown, doc=display(pages.kind.shape, shown.content, refs)
        ),
    )


def comparison(request, pages: VersionPages, document):
    older = _version(document, request.GET.get("a"))
    newer = _version(document, request.GET.get("b"))
    refs = pages.kind.references(older.content, newer.content)
    changes = compare(pages.kind.shape, older.content, newer.content, refs)
    return render(
        request,
        "actionplans/compare.html",
        pages.context(request, document, older=older, newer=newer, changes=changes),
    )


def posted_version(request, message: str) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        raise ValidationError(message) from None


def restore(request, pages: VersionPages, document, version_pk, restore_service):
    chosen = _version(document, version_pk)
    try:
        restore_service(
            user=request.user,
            version=chosen,
            expected_version=posted_version(request, pages.missing_version),
        )
    except writing.VersionConflict as conflict:
        messages.error(request, conflict.message)
        return redirect(pages.urls["history"], document.pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(pages.urls["history"], document.pk)
    messages.success(request, _("Restored as a new version; nothing was overwritten."))
    return redirect(pages.urls["detail"], document.pk)
