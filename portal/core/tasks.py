from celery import shared_task
from django.conf import settings

from portal.core import mail


@shared_task(bind=True, acks_late=True)
def send_mail_task(self, mail_id: int) -> bool:
    try:
        return mail.mail_send(mail_id)
    except Exception as error:
        # The row counts the attempts and says when the next one is due, so the limit holds
        # however many tasks were dispatched for this mail; None means it was given up.
        countdown = mail.mail_retry_countdown(mail_id)
        if countdown is None:
            return False
        raise self.retry(exc=error, countdown=countdown, max_retries=None) from error


@shared_task
def requeue_stale_mail() -> int:
    stale = mail.mail_requeue_stale()
    for mail_id in stale:
        send_mail_task.delay(mail_id)
    return len(stale)


@shared_task
def search_vocabulary_refresh() -> None:
    # Refreshing twice reads the same words twice: safe to run again.
    from portal.core.search.store import vocabulary_refresh

    vocabulary_refresh()


# The limits are read when the worker starts; a report that takes longer fails with a
# reason rather than holding a worker (and, with acks_late, being handed to another).
@shared_task(
    acks_late=True,
    soft_time_limit=settings.REPORTS_TIME_LIMIT,
    time_limit=settings.REPORTS_TIME_LIMIT + 30,
)
def render_report_task(report_id: int) -> bool:
    from portal.core.reports.services import report_render

    return report_render(report_id)
