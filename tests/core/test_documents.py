import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core.models import Document
from portal.demo.placeholder import placeholder_pdf
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return RegionFactory()


def _document(region, **fields):
    return Document(
        title="Strategy",
        kind="strategy",
        content_type=ContentType.objects.get_for_model(region),
        object_id=region.pk,
        **fields,
    )


def test_a_document_is_a_file_or_a_link(region):
    with pytest.raises(ValidationError, match="either a file or a link"):
        _document(region).full_clean()
    _document(region, url="https://example.org/ris3.pdf").full_clean()


def test_a_real_pdf_is_accepted(region, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("ris3.pdf", placeholder_pdf("RIS3", "test"))
    document = _document(region, file=upload)
    document.full_clean()
    document.save()
    assert region.documents.get().file.read().startswith(b"%PDF-")


def test_a_file_renamed_to_pdf_is_refused_by_its_content(region):
    upload = SimpleUploadedFile("ris3.pdf", b"MZ\x90\x00 this is an executable")
    with pytest.raises(ValidationError) as info:
        _document(region, file=upload).full_clean()
    assert info.value.message_dict["file"] == [
        "The file is named “ris3.pdf” but its content is not a PDF file."
    ]


def test_an_oversized_file_is_refused_with_the_limit_in_the_message(region, settings):
    settings.DOCUMENT_MAX_UPLOAD_MB = 1
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    with pytest.raises(ValidationError) as info:
        _document(region, file=upload).full_clean()
    assert "the limit is 1 MB" in info.value.message_dict["file"][0]


def test_an_unaccepted_file_type_lists_the_accepted_ones(region):
    upload = SimpleUploadedFile("macro.exe", b"MZ")
    with pytest.raises(ValidationError) as info:
        _document(region, file=upload).full_clean()
    assert "“.exe” are not accepted" in info.value.message_dict["file"][0]
    assert ".pdf" in info.value.message_dict["file"][0]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = False
    return tmp_path


def test_a_public_documents_file_is_served_with_debug_off(client, region, media):
    document = _document(region)
    document.file.save("strategy.pdf", SimpleUploadedFile("s.pdf", placeholder_pdf("S", "")))
    response = client.get(document.href)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("path", ["private/endorsements/7/letter.pdf", "documents/2024/stray.pdf"])
def test_files_no_public_document_names_are_not_served(client, region, media, path):
    (media / path).parent.mkdir(parents=True)
    (media / path).write_bytes(placeholder_pdf("Private", ""))
    assert client.get(f"/media/{path}").status_code == 404


def test_a_document_row_cannot_open_the_private_folder(client, region, media):
    (media / "private").mkdir()
    (media / "private" / "letter.pdf").write_bytes(placeholder_pdf("Private", ""))
    _document(region, file="private/letter.pdf").save()
    assert client.get("/media/private/letter.pdf").status_code == 404
