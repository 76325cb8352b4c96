"""The PDF reports fetch nothing but the portal's own static files and public media: a
link, an image or a stylesheet in text a partner wrote cannot make the server reach
another address, on the network or on its disk."""

import http.server
import io
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from portal.core.reports import rendering
from tests import factories


@pytest.fixture
def listener():
    """An HTTP server on loopback standing for an internal service; it counts requests."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def fetch(url):
    return rendering._refusing_fetcher().fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        "ftp://localhost/x",
        # The portal's own address, but not a file it serves.
        "http://localhost:8000/en/workspace/",
        "http://localhost:8000/static/../portal/settings.py",
        "http://localhost:8000/static/%2e%2e/portal/settings.py",
        "http://localhost:8000/media/private/endorsements/letter.pdf",
        "http://localhost:8000/media/documents/not-a-document.pdf",
        "http://localhost:8000:1@127.0.0.1:6379/static/css/report.css",
    ],
)
def test_the_fetcher_refuses_whatever_is_not_the_portals_own_file(db, url):
    with pytest.raises(ValueError):
        fetch(url)


def test_the_fetcher_serves_static_files_and_public_documents_from_disk(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    css = fetch("http://localhost:8000/static/css/report.css")
    assert b"@page" in css.read()
    font = fetch(
        "http://localhost:8000/static/vendor/source-sans-3/source-sans-3-latin-400-normal.woff"
    )
    assert font.read(4) == b"wOFF"
    document = factories.DocumentFactory(
        url="", file=SimpleUploadedFile("report.pdf", b"%PDF-1.4 a public document")
    )
    body = fetch(f"http://localhost:8000/media/{document.file.name}").read()
    assert body.startswith(b"%PDF")


def test_user_text_cannot_make_the_server_fetch_an_internal_address(db, listener):
    address, hits = listener
    html = f"""<html><head><link rel="stylesheet" href="{address}/style.css">
    <style>@import url({address}/import.css);
    p {{ background: url({address}/bg.png); }}</style></head>
    <body><h1>Plan</h1><p>Text a partner wrote <img src="{address}/img.png">
    <img src="file:///etc/passwd"> <a rel="attachment" href="{address}/attach">a file</a>
    <a href="{address}/link">a link</a></p>
    <svg><image href="{address}/svg.png" width="10" height="10"/></svg>
    <object data="{address}/object"></object></body></html>"""
    rendered = rendering.html_to_pdf(html)
    assert hits == []
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert "Text a partner wrote" in reader.pages[0].extract_text()
    # The link stays a link in the PDF, for the reader to follow; the server never did.
    assert reader.attachments == {}
