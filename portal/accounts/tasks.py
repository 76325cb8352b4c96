from celery import shared_task

from portal.accounts import services


@shared_task(acks_late=True)
def password_reset_task(email: str) -> int:
    # An address, not a primary key: whether it names an account is what the page that
    # asked must not learn, so the lookup happens here.
    return services.password_reset_request(email=email)
