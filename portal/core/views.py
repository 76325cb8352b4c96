from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from portal.core.models import Document

# Files under MEDIA_ROOT that are never public, whatever row points at them.
PRIVATE_PREFIX = "private/"


def document_file(request, path):
    """An uploaded file of a document, which every page that lists it shows to anyone.

    Only files a Document names are served: whatever else lies under MEDIA_ROOT (such as
    the endorsement letters under private/) stays out of reach, even by a guessed name.
    """
    if path.startswith(PRIVATE_PREFIX) or not Document.objects.filter(file=path).exists():
        raise Http404("No document with that address.")
    return FileResponse(default_storage.open(path))
