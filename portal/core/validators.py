from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

latitude_validators = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
longitude_validators = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]

# What a file's first bytes must be for the extension it claims; an upload is judged by
# its content, not by its name.
_SIGNATURES = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    # Office Open XML and OpenDocument files are zip archives.
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".pptx": (b"PK\x03\x04",),
    ".odt": (b"PK\x03\x04",),
}


class FileRule:
    """Accepts an upload only if its name, its size and its first bytes all agree.

    The size limit is the name of a setting, read at validation time, so an operator can
    change it without a migration.
    """

    def __init__(self, extensions, limit_setting: str):
        self.extensions = tuple(extensions)
        self.limit_setting = limit_setting

    def __call__(self, upload) -> None:
        extension = PurePath(upload.name).suffix.lower()
        if extension not in self.extensions:
            raise ValidationError(
                _("Files of type “%(ext)s” are not accepted. Allowed types: %(allowed)s."),
                code="file_type",
                params={"ext": extension or "?", "allowed": ", ".join(sorted(self.extensions))},
            )
        limit_mb = getattr(settings, self.limit_setting)
        if upload.size > limit_mb * 1024 * 1024:
            raise ValidationError(
                _("The file is %(size).1f MB; the limit is %(limit)d MB."),
                code="file_size",
                params={"size": upload.size / 1024 / 1024, "limit": limit_mb},
            )
        position = upload.tell() if hasattr(upload, "tell") else 0
        upload.seek(0)
        head = upload.read(8)
        upload.seek(position)
        if not head.startswith(_SIGNATURES[extension]):
            raise ValidationError(
                _("The file is named “%(name)s” but its content is not a %(ext)s file."),
                code="file_content",
                params={"name": PurePath(upload.name).name, "ext": extension.lstrip(".").upper()},
            )


_DOCUMENT = FileRule(_SIGNATURES, "DOCUMENT_MAX_UPLOAD_MB")
_PDF = FileRule([".pdf"], "ENDORSEMENT_MAX_UPLOAD_MB")


# Plain functions, so migrations refer to them by name.
def validate_document_file(upload) -> None:
    _DOCUMENT(upload)


def validate_pdf_file(upload) -> None:
    _PDF(upload)
