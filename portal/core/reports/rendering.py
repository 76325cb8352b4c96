"""HTML to PDF with WeasyPrint, fetching nothing but the portal's own files.

A report shows text partners wrote. Rich text is cleaned on its way in, but a report must
not depend on that: whatever URL its HTML or CSS names, WeasyPrint asks `PortalFetcher`,
which answers only for the portal's static files (read from the disk, never over the
network) and for media that anyone may download anyway (the public documents the media
view serves). Everything else — another site, an internal address such as
http://127.0.0.1:6379/, file:///etc/passwd, a private upload — is refused, and WeasyPrint
leaves the image out and goes on.
"""

import gc
import logging
import mimetypes
import posixpath
from contextlib import contextmanager
from functools import cache
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The stylesheet every report shares: parsed once per process, not once per report.
STYLESHEET = "css/report.css"


class Refused(ValueError):
    """A URL the reports may not fetch."""


def base_url() -> str:
    return settings.SITE_URL + "/"


def _own_path(url: str) -> str:
    """The path of a URL on the portal itself, normalised; Refused for anything else."""
    parts = urlsplit(url)
    site = urlsplit(base_url())
    if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
        raise Refused(f"not the portal's own address: {url}")
    path = unquote(parts.path)
    normal = posixpath.normpath(path)
    if normal != path.rstrip("/") or "\x00" in path:
        raise Refused(f"not a plain path: {url}")
    return normal


def static_file(name: str) -> bytes:
    """A static file's content, read from the disk: where the finders find it (the source
    tree), else what collectstatic gathered into STATIC_ROOT."""
    found = finders.find(name)
    if found is not None:
        with open(found, "rb") as opened:
            return opened.read()
    if staticfiles_storage.exists(name):
        with staticfiles_storage.open(name) as opened:
            return opened.read()
    raise Refused(f"no such static file: {name}")


def public_media(name: str) -> bytes:
    # The media view's own rule: only files a public document names, never private/.
    from portal.core.views import is_public_media

    if not is_public_media(name):
        raise Refused(f"not a public media file: {name}")
    with default_storage.open(name) as opened:
        return opened.read()


class PortalFetcher(URLFetcher):
    """WeasyPrint's fetcher, answering only for the portal's static files and public media."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            # Inline data is no fetch: nothing leaves the process.
            return super().fetch(url, headers)
        path = _own_path(url)
        if path.startswith(settings.STATIC_URL):
            body = static_file(path.removeprefix(settings.STATIC_URL))
        elif path.startswith(settings.MEDIA_URL):
            body = public_media(path.removeprefix(settings.MEDIA_URL))
        else:
            raise Refused(f"neither a static file nor public media: {url}")
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def _refusing_fetcher() -> PortalFetcher:
    # No network handler is ever used: fetch() answers from the disk or refuses first.
    return PortalFetcher(allowed_protocols=("data", "http", "https"), allow_redirects=False)


@cache
def stylesheet() -> tuple[CSS, FontConfiguration]:
    """The shared stylesheet and the fonts its @font-face rules load, once per process:
    parsing the fonts costs more than typesetting a page."""
    fonts = FontConfiguration()
    css = CSS(
        string=static_file(STYLESHEET).decode(),
        base_url=base_url(),
        url_fetcher=_refusing_fetcher(),
        font_config=fonts,
    )
    return css, fonts


class Rendered:
    def __init__(self, pdf: bytes, pages: int):
        self.pdf, self.pages = pdf, pages


class TooLong(Exception):
    def __init__(self, pages: int, limit: int):
        super().__init__(f"{pages} pages, more than {limit}")
        self.pages, self.limit = pages, limit


def html_to_pdf(html: str, *, max_pages: int | None = None, css: str | None = None) -> Rendered:
    """Typeset a report. `css` replaces the shared stylesheet (the benchmark's naive layout)."""
    shared, fonts = stylesheet()
    if css is not None:
        shared = CSS(string=css, base_url=base_url(), url_fetcher=_refusing_fetcher())
    with _few_collections():
        document = HTML(string=html, base_url=base_url(), url_fetcher=_refusing_fetcher()).render(
            stylesheets=[shared], font_config=fonts
        )
        limit = settings.REPORTS_MAX_PAGES if max_pages is None else max_pages
        if len(document.pages) > limit:
            raise TooLong(len(document.pages), limit)
        return Rendered(document.write_pdf(), len(document.pages))


@contextmanager
def _few_collections():
    """Typesetting makes hundreds of thousands of objects that live until the PDF is
    written; at Python's default thresholds the garbage collector scans them again and
    again, a quarter of the time of a 40-page report (bench/pdf.py). Young objects are
    still collected, every 50,000 allocations instead of every 700."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
