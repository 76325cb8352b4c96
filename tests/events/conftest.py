import email
import email.policy
import re

import pytest

from events import links
from events.services import registration as services
from tests import factories


@pytest.fixture
def config(project):
    """An event of `project`, a month away, with registration open for 10 places."""
    return factories.RegistrationSettingsFactory(event__project=project)


@pytest.fixture
def event(config):
    return config.event


def sign_up(event, address, *, name=None, sessions=(), confirm=True, language="en", **answers):
    """A registration as the form makes it, its address confirmed unless told."""
    registration, created = services.registration_create(
        event=event,
        data={"email": address, "name": name or address.split("@")[0].title(), **answers},
        sessions=sessions,
        language=language,
    )
    assert created, f"{address} was registered already"
    if confirm:
        registration = services.registration_confirm(registration=registration)
    return registration


def read_mail(raw: str):
    """(subject, plain text, {file name: bytes}) of a mail the worker sent (`sent()`)."""
    message = email.message_from_string(raw, policy=email.policy.default)
    text = message.get_body(preferencelist=("plain",)).get_content()
    files = {
        part.get_filename(): part.get_payload(decode=True) for part in message.iter_attachments()
    }
    return str(message["Subject"]), text, files


LINKS = {"confirm": "/register/confirm/", "personal": "/registration/"}


def link_in(text: str, kind: str) -> str:
    """The path of the first confirmation or personal link in a mail's text."""
    pattern = r"http://localhost:8000(/\w\w/events/[-\w]+" + re.escape(LINKS[kind]) + r"[^\s/]+/)"
    match = re.search(pattern, text)
    assert match, f"no {kind} link in: {text}"
    return match.group(1)


def personal_path(registration) -> str:
    return links.personal_path(registration)
