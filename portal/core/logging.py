"""Log lines that say which request (or which task a request started) wrote them.

django-guid gives each request an id (a proxy's X-Request-ID if it sends a valid one),
returns it in the X-Request-ID header, and carries it in the headers of the Celery tasks
the request dispatches, so a worker's lines about that task carry it too.
"""

import logging

from django_guid import get_guid


class RequestIdFilter(logging.Filter):
    """Puts `request_id` on every record a handler writes: "-" outside a request or task."""

    def filter(self, record):
        record.request_id = get_guid() or "-"
        return True
