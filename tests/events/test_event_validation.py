import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_an_event_cannot_end_before_it_starts():
    event = EventFactory.build()
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as info:
        event.full_clean()
    assert info.value.message_dict["ends_at"] == ["The event cannot end before it starts."]
    # The database refuses it too, whatever path the row takes.
    with pytest.raises(IntegrityError):
        event.save()


def test_an_unknown_time_zone_is_named_in_the_error():
    event = EventFactory.build(timezone="Europe/Atlantis")
    with pytest.raises(ValidationError) as info:
        event.full_clean()
    assert "“Europe/Atlantis” is not a time zone" in info.value.message_dict["timezone"][0]
