from celery import shared_task

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
