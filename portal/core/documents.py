"""The text of uploaded PDF documents, which search finds them by."""

import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from portal.core.models import Document

logger = logging.getLogger(__name__)

# A 300-page report says what it is about long before its last page.
MAX_PAGES = 200


def pdf_text(file) -> str:
    """The words of a PDF, page by page; '' for a file that is not one or cannot be read."""
    try:
        reader = PdfReader(file)
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        # A damaged or encrypted PDF is still a document: it is found by its title.
        logger.warning("could not read the text of %s: %s", getattr(file, "name", file), error)
        return ""
    return "\n".join(" ".join(page.split()) for page in pages).strip()


def document_text_read(*, document_id: int) -> bool:
    """Read the text of a document's file into `Document.text`, unless already read.

    True when the text changed. The file name is compared when storing, so a file replaced
    meanwhile never gets the old file's text; running this twice reads the file twice.
    """
    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.file or document.text_source == document.file.name:
        return False
    name = document.file.name
    text = ""
    if name.lower().endswith(".pdf"):
        try:
            with document.file.open("rb") as handle:
                text = pdf_text(handle)
        except FileNotFoundError:
            logger.warning("document %s: its file %s is missing", document_id, name)
    updated = Document.objects.filter(pk=document_id, file=name).update(
        text=text.replace("\x00", ""), text_source=name
    )
    return bool(updated)
