from events.models.events import SEASONS, Event, validate_timezone
from events.models.programme import Person, Presentation, Session
from events.models.registration import (
    Consent,
    Message,
    Registration,
    RegistrationSettings,
    SessionSeat,
)

__all__ = [
    "SEASONS",
    "Consent",
    "Event",
    "Message",
    "Person",
    "Presentation",
    "Registration",
    "RegistrationSettings",
    "Session",
    "SessionSeat",
    "validate_timezone",
]
