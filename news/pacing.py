"""The cap on the newsletter's sending rate (NEWSLETTER_RATE), shared by every worker.

Each mail takes a slot in the current window, counted in Redis; a full window means wait
for the next. A rate under one a second becomes one mail per window of 1/rate seconds, so
"600/hour" sends one mail every six seconds rather than 600 at the top of each hour.
"""

from django.conf import settings

from news.spamguard import count_in_window, parse_rate


def window() -> tuple[int, float]:
    """(mails per window, window length in seconds)."""
    count, period = parse_rate(settings.NEWSLETTER_RATE)
    if count >= period:
        return count // period, 1
    return 1, period / count


def take_slots(wanted: int) -> tuple[int, float]:
    """Take up to `wanted` slots in the current window: (slots taken, seconds until the next
    window). A batch takes a few at a time, so the cap costs one Redis round trip per few
    mails rather than one per mail; slots left unused when a window ends are simply lost."""
    per_window, length = window()
    count, left = count_in_window("newsletter:rate", length, wanted)
    granted = max(0, min(wanted, per_window - (count - wanted)))
    return granted, left
