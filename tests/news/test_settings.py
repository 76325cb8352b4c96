"""The newsletter's settings: values that would send mails twice stop start-up."""

import pytest

from tests.portal.test_settings import PRODUCTION, _manage


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {
                "NEWSLETTER_BATCH_SECONDS": "60",
                "EMAIL_TIMEOUT": "30",
                "NEWSLETTER_STALE_SECONDS": "80",
            },
            "NEWSLETTER_STALE_SECONDS must be longer than NEWSLETTER_BATCH_SECONDS plus",
        ),
        ({"CELERY_VISIBILITY_TIMEOUT": "200"}, "CELERY_VISIBILITY_TIMEOUT must be longer than"),
        ({"NEWSLETTER_RATE": "fast"}, "NEWSLETTER_RATE must be a number of requests per"),
        ({"NEWSLETTER_LANES": "0"}, "NEWSLETTER_LANES must be 1 or more"),
        ({"NEWSLETTER_BATCH_SIZE": "many"}, "NEWSLETTER_BATCH_SIZE must be a whole number"),
    ],
)
def test_settings_that_would_break_the_sending_stop_start_up(env, message):
    result = _manage("check", **{**PRODUCTION, **env})
    assert result.returncode != 0
    assert message in result.stderr
