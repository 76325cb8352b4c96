"""Pages of 20 by default; a client asks for up to 100 with page_size, and more is an error.

An oversized page_size is refused with 400 rather than quietly cut to the maximum, so a
client that counts on getting everything in one page learns at once that it does not.
"""

from django.conf import settings
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class PublicPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    invalid_page_message = _("There is no page {page_number}: {message}")

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdecimal() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        _("Give a whole number from 1 to %(max)d, not “%(value)s”.")
                        % {"max": self.max_page_size, "value": raw}
                    ]
                }
            )
        return int(raw)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is None or raw in self.last_page_strings:
            return super().get_page_number(request, paginator)
        if not raw.isdecimal():
            message = _("Give a page number, not “%(value)s”.") % {"value": raw}
            raise ValidationError({self.page_query_param: [message]})
        # Past the last page is a 404: the page does not exist (any more).
        return int(raw)

    def _link(self, page_number: int | None) -> str:
        # Links are built on SITE_URL like every other URL the API gives, not on the Host
        # header, so a cached page carries the same links whoever asked for it.
        params = self.request.query_params.copy()
        params.pop(self.page_query_param, None)
        if page_number is not None:
            params[self.page_query_param] = page_number
        query = urlencode(list(params.lists()), doseq=True)
        return f"{settings.SITE_URL}{self.request.path}" + (f"?{query}" if query else "")

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return self._link(self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        return self._link(number if number > 1 else None)

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(self.page_query_description),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page, {DEFAULT_PAGE_SIZE} unless asked; "
                f"at most {MAX_PAGE_SIZE}, and more is refused with 400.",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
