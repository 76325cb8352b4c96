from celery import shared_task

from actionplans.monitoring.reminders import reminders_send


@shared_task
def send_report_reminders() -> int:
    """Run by beat every few hours; safe to run twice (see reminders_send)."""
    return reminders_send()
