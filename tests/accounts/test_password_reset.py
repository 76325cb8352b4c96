"""A new password by email, without telling anyone whether an address has an account."""

import email
import re

import pytest
from django.conf import settings
from django.test import Client

from portal.accounts import services
from portal.core.models import OutgoingMail
from tests import factories as f

RESET = "/en/account/password-reset/"


@pytest.fixture
def ada(transactional_db):
    return f.UserFactory(email="ada@example.org", full_name="Ada Lovelace")


def _ask(client, address):
    return client.post(RESET, {"email": address})


def _wait_for_mail(worker, count=1):
    worker.wait_for(
        lambda: OutgoingMail.objects.filter(state=OutgoingMail.State.SENT).count() == count
    )


def _link(raw: str) -> str:
    message = email.message_from_string(raw)
    text = next(
        part.get_payload(decode=True).decode()
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )
    return re.search(r"http://\S+/password-reset/\S+/", text).group(0)


def test_the_login_page_links_to_the_reset(client, db):
    html = client.get("/en/login/").content.decode()
    assert f'href="{RESET}"' in html


def test_a_link_by_mail_sets_a_new_password(client, ada, celery_worker):
    response = _ask(client, "Ada@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/password-reset/sent/"
    _wait_for_mail(celery_worker)
    (raw,) = celery_worker.sent()
    assert "To: ada@example.org" in raw
    assert "Subject: Set a new password for the innovation cooperation portal" in raw
    link = _link(raw)
    assert link.startswith(f"{settings.SITE_URL}/en/account/password-reset/")

    form = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-7", "new_password2": "a-new-long-password-7"},
    )
    assert done["Location"] == "/en/account/password-reset/done/"

    login = Client().post(
        "/en/login/", {"username": ada.email, "password": "a-new-long-password-7"}
    )
    assert login.status_code == 302
    again = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    assert "This link does not work any more" in again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(ada, celery_worker):
    known, unknown = Client(), Client()
    for client in (known, unknown):
        client.get(RESET)  # the CSRF cookie, as a browser would have it
    answers = [_ask(known, "ada@example.org"), _ask(unknown, "nobody@example.org")]
    assert [a.status_code for a in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]
    pages = [
        c.get(a["Location"]).content.decode()
        for c, a in zip((known, unknown), answers, strict=True)
    ]
    assert pages[0] == pages[1]
    _wait_for_mail(celery_worker)
    assert len(celery_worker.sent()) == 1


def test_the_mail_is_in_the_reader_language_with_a_link_in_it(client, ada, celery_worker):
    ada.language = "nl"
    ada.save()
    _ask(client, ada.email)
    _wait_for_mail(celery_worker)
    (raw,) = celery_worker.sent()
    assert "Subject: Stel een nieuw wachtwoord in voor het portaal voor" in raw
    assert "/nl/account/password-reset/" in _link(raw)


def test_asking_again_and_again_queues_one_mail(ada):
    sent = [services.password_reset_request(email=ada.email) for _ in range(5)]
    assert sent == [1, 0, 0, 0, 0]
    assert OutgoingMail.objects.count() == 1


def test_a_new_password_lifts_the_lockout(client, ada, celery_worker):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/login/", {"username": ada.email, "password": "wrong"})
    locked = client.post("/en/login/", {"username": ada.email, "password": "secret-pass-123"})
    assert locked.status_code == 429
    _ask(client, ada.email)
    _wait_for_mail(celery_worker)
    form = client.get(_link(celery_worker.sent()[0]).removeprefix(settings.SITE_URL), follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-7", "new_password2": "a-new-long-password-7"},
    )
    login = client.post("/en/login/", {"username": ada.email, "password": "a-new-long-password-7"})
    assert login.status_code == 302
