from celery import shared_task

from portal.core import mail

MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def send_mail_task(self, mail_id: int) -> bool:
    try:
        return mail.mail_send(mail_id)
    except Exception as error:
        if self.request.retries >= MAX_RETRIES:
            mail.mail_give_up(mail_id, f"{type(error).__name__}: {error}")
            return False
        # A mail server that is down now is often up in a few minutes.
        raise self.retry(exc=error, countdown=30 * 2**self.request.retries) from error


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
