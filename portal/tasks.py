"""The shell's tasks (found by Celery's autodiscovery as the `portal` app's)."""

from celery import shared_task

from portal.core.documents import document_text_read
from portal.core.models import Document
from portal.search.index import index_objects
from portal.search.kinds import BY_MODEL


@shared_task(acks_late=True)
def document_text_index(document_id: int) -> bool:
    """Read an uploaded document's text and put it in its search entry.

    Safe to run twice: a file already read is not read again, and rewriting an entry
    leaves the same entry.
    """
    if not document_text_read(document_id=document_id):
        return False
    index_objects(BY_MODEL[Document], [document_id])
    return True
