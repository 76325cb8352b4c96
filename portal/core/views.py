from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from portal.core.models import Document

# Files under MEDIA_ROOT that are never public, whatever row points at them.
PRIVATE_PREFIX = "private/"


def is_public_media(path: str) -> bool:
    """Whether anyone may download this file under MEDIA_ROOT: one a document names, and
    never one under private/."""
    return not path.startswith(PRIVATE_PREFIX) and Document.objects.filter(file=path).exists()


def document_file(request, path):
    """An uploaded file of a document, which every page that lists it shows to anyone.

    Only files a Document names are served: whatever else lies under MEDIA_ROOT (such as
    the endorsement letters under private/) stays out of reach, even by a guessed name.
    """
    if not is_public_media(path):
        raise Http404("No document with that address.")
    return FileResponse(default_storage.open(path))
