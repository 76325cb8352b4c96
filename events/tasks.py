"""Beat's regular work on registrations. Each run finds its own work in the database, so
two runs at once or one run twice do it once (the services lock each event)."""

from celery import shared_task

from events.services import registration


@shared_task
def expire_offers() -> int:
    """Places offered from a waiting list and not taken up in time pass on to the next."""
    registration.unconfirmed_expire()
    return registration.offers_expire()


@shared_task
def erase_old_registrations() -> int:
    return registration.registrations_erase_expired()
