"""The API's error answers: DRF's, and a body too large for Django as a JSON 400 too."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        # Django's own answer would be an HTML page, and would not say what the limit is.
        exc = ParseError(
            _("The body is larger than %(limit)d bytes, the most the API reads.")
            % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        )
    return exception_handler(exc, context)
