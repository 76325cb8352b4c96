"""The naive newsletter sender the batched one is measured against: one Celery task and one
SMTP connection per mail. Loaded only by bench/newsletter.py's worker (celery -I)."""

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from news import mailing
from news.models import Delivery


@shared_task(acks_late=True, ignore_result=True)
def send_one(delivery_id: int) -> None:
    # The same claim, rendering and bookkeeping as a batch, so what differs is only the
    # task and the connection per mail.
    claimed = Delivery.objects.filter(pk=delivery_id, state=Delivery.State.PENDING).update(
        state=Delivery.State.SENDING, claimed_at=timezone.now()
    )
    if not claimed:
        return
    delivery = Delivery.objects.select_related("issue", "subscriber").get(pk=delivery_id)
    rendered = mailing.rendered_for_sending(delivery.issue, delivery.subscriber.language)
    mailing.message_for(delivery, delivery.subscriber, rendered).send()
    Delivery.objects.filter(pk=delivery_id).update(
        state=Delivery.State.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
    )
