"""The newsletter's Celery tasks: thin, each calling news.services."""

from celery import shared_task

from news.services import sending, subscription


# acks_late: a worker killed mid-batch leaves the message to Redis, which hands it to
# another worker after the visibility timeout; the batch's claims are sent again sooner by
# the other lanes (news.services.sending).
@shared_task(acks_late=True)
def send_issue_batch(issue_id: int) -> None:
    countdown = sending.batch_send(issue_id=issue_id)
    if countdown is not None:
        sending.dispatch_next(issue_id, countdown)


@shared_task
def newsletter_tick() -> None:
    sending.issues_start_due()
    sending.issues_revive()


@shared_task
def expire_sign_ups() -> int:
    return subscription.subscribers_expire()
