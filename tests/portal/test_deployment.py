"""What docker-compose relies on, checked without Docker: the compose file's structure and
the health checks' behaviour under production-like settings."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
PRODUCTION_HOST = "portal.example.org"


def _command(service: str) -> str:
    """The Python a service's health check runs (["CMD", "python", "-c", code])."""
    test = SERVICES[service]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "python", "-c"], test
    return test[3]


def test_every_long_running_service_has_a_health_check():
    assert set(SERVICES) == {"postgres", "redis", "migrate", "web", "worker", "beat"}
    for name in ("postgres", "redis", "web", "worker", "beat"):
        assert SERVICES[name]["healthcheck"]["test"], name
    web_depends = SERVICES["web"]["depends_on"]
    assert web_depends["migrate"]["condition"] == "service_completed_successfully"
    assert COMPOSE["x-portal"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for code in (_command("web"), _command("beat")):
        compile(code, "healthcheck", "exec")


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = [PRODUCTION_HOST]
    settings.SECURE_SSL_REDIRECT = True


@pytest.mark.django_db
def test_health_checks_answer_over_plain_http_while_pages_redirect_to_https(
    client, production_like
):
    # The client is new to this test, so its middleware reads the settings above.
    health = client.get("/healthz", HTTP_HOST=PRODUCTION_HOST)
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}
    ready = client.get("/readyz", HTTP_HOST=PRODUCTION_HOST)
    assert ready.status_code in (200, 503)
    assert "checks" in ready.json()
    page = client.get("/en/", HTTP_HOST=PRODUCTION_HOST)
    assert page.status_code == 301
    assert page["Location"] == f"https://{PRODUCTION_HOST}/en/"


@pytest.mark.django_db(transaction=True)
def test_the_web_health_check_passes_against_production_hosts(
    live_server, celery_worker, settings, monkeypatch
):
    settings.ALLOWED_HOSTS = [PRODUCTION_HOST]
    code = _command("web")
    assert "http://127.0.0.1:8000/readyz" in code
    code = code.replace("http://127.0.0.1:8000", live_server.url)

    monkeypatch.setenv("ALLOWED_HOSTS", f"{PRODUCTION_HOST},www.{PRODUCTION_HOST}")
    exec(code, {})  # raises if the answer is not a 2xx

    # The same request with a Host production does not accept fails, as it did before.
    monkeypatch.setenv("ALLOWED_HOSTS", "localhost")
    with pytest.raises(OSError):
        exec(code, {})
