"""Writes of the regions app beyond the admin's own forms: personal data on request."""

from regions.models import Contact, Membership


def membership_erase(*, membership: Membership) -> None:
    """Whom an erased person worked for, and as what, goes with their account's name; their
    project roles are granted through it (projects erases those)."""
    membership.delete()


def contact_erase(*, contact: Contact) -> None:
    """An organisation's contact person at their request: the row holds nothing but them."""
    contact.delete()
