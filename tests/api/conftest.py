import pytest

from portal.demo.loader import load_demo

API = "/api/v1"
# Every public list the API root names.
ENDPOINTS = [
    "regions",
    "organisations",
    "themes",
    "projects",
    "good-practices",
    "events",
    "news",
    "cooperations",
    "infrastructures",
    "documents",
    "action-plans",
]


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    load_demo()


@pytest.fixture
def rates(settings):
    """Set the throttle rates for one test: rates(anon="2/minute", user="5/minute")."""

    def set_rates(**rates):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {
                **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                **rates,
            },
        }

    return set_rates


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> list[str]:
    return [row["slug"] for row in results(response)]
