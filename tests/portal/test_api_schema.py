"""The OpenAPI schema is valid, and the API keeps to it whatever a client sends."""

import json
import os

import pytest
import schemathesis
import yaml
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from portal.wsgi import application
from tests.api import API, ENDPOINTS

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_and_covers_every_endpoint(db, client):
    response = client.get(f"{API}/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for endpoint in ENDPOINTS:
        assert f"{API}/{endpoint}/" in schema["paths"]
        assert schema["paths"][f"{API}/{endpoint}/"]["get"]["responses"]["200"]
    detail = schema["paths"][f"{API}/events/{{slug}}/"]["get"]
    assert "429" in detail["responses"] and "404" in detail["responses"]


@pytest.mark.parametrize("page", ["docs", "redoc"])
def test_the_documentation_pages_are_served_by_the_portal(db, client, page):
    response = client.get(f"{API}/{page}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn" not in html.lower()


# The suite's run is bounded: a few examples an operation from a fixed seed, so it costs
# seconds and fails the same way twice. `make fuzz` sets FUZZ=1 for the long run: many
# more examples, a new seed each time (printed on failure), and schemathesis's coverage
# phase, which tries every boundary each schema names.
FUZZ = os.environ.get("FUZZ") == "1"
CONFIG = f"""
{"" if FUZZ else "seed = 20261130"}
generation.max-examples = {200 if FUZZ else 5}
phases.coverage.enabled = {"true" if FUZZ else "false"}
"""


def _loaded_schema():
    # Built from the generator rather than fetched: loading happens while tests are
    # collected, before any database is there.
    generated = SchemaGenerator().get_schema(request=None, public=True)
    loaded = schemathesis.openapi.from_dict(
        json.loads(OpenApiJsonRenderer().render(generated)),
        config=SchemathesisConfig.from_str(CONFIG),
    )
    loaded.app = application
    return loaded


schema = _loaded_schema()


@pytest.fixture
def wsgi_in_the_test_transaction():
    """Requests through the WSGI app stay inside the test's transaction.

    Django closes connections when a request starts and ends; on a pooled connection that
    rolls the test's transaction back. Django's own test client switches that off in the
    same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_breaks_the_api_or_its_schema(case, demo, rates, wsgi_in_the_test_transaction):
    rates(anon="100000/minute")
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_headers_conformance,
            response_schema_conformance,
        ]
    )


@schema.include(path_regex="/workspace/").parametrize()
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_of_a_signed_in_partner_breaks_the_workspace_api(
    case, demo, rates, wsgi_in_the_test_transaction
):
    from rest_framework.authtoken.models import Token

    from actionplans.models import ActionPlan
    from portal.accounts.models import User

    rates(user="100000/minute")
    partner = User.objects.get(email="partner.limburg@example.org")
    token, _created = Token.objects.get_or_create(user=partner)
    # Their own plan, open for changes, rather than random ids that would all be 404s.
    plan = ActionPlan.objects.get(partnership__region__slug="limburg-nl")
    pinned = {"id": plan.pk, "plan_pk": plan.pk, "pk": plan.actions.first().pk}
    for name in case.path_parameters or {}:
        case.path_parameters[name] = pinned.get(name, case.path_parameters[name])
    # Hypothesis runs every example in the same test: each one's writes roll back, so the
    # next starts from the same plan (a PUT of no actions would leave none to pin).
    with transaction.atomic():
        case.call_and_validate(
            headers={"Authorization": f"Token {token.key}"},
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_schema_conformance,
            ],
        )
        transaction.set_rollback(True)
