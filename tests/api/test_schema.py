"""The OpenAPI 3 description at /api/schema/ is valid (openapi-spec-validator), its browsable
page is served from our own static files, and Schemathesis, fuzzing every operation from the
published schema against the WSGI app, meets no 5xx and no response that breaks the schema."""

import json

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from archive import registry
from tests import factories

pytestmark = pytest.mark.django_db


def published_schema(client) -> dict:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_it_publishes_a_valid_openapi_3_schema(client):
    schema = published_schema(client)
    validate(schema)  # raises on any violation of the OpenAPI 3 specification
    assert schema["openapi"].startswith("3.")
    for kind in registry.kinds():
        assert f"/api/{kind.key}/" in schema["paths"]
        assert f"/api/{kind.key}/{{slug}}/" in schema["paths"]
    description = schema["components"]["schemas"]["Description"]["properties"]
    assert {"title", "creators", "links", "rights_url", "date"} <= set(description)


def test_its_browsable_page_loads_nothing_from_elsewhere(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "//cdn" not in page and "unpkg" not in page and "jsdelivr" not in page
    assert client.get("/api/docs/?script=").status_code == 200


def fuzz(schema, mode, checks=None, examples: int = 30, lists_only: bool = False) -> int:
    """Run Schemathesis's cases of every operation in `mode`; returns how many ran."""
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if lists_only and "{slug}" in operation.path:
            continue

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            nonlocal ran
            ran += 1
            case.call_and_validate(checks=checks)

        run()
    return ran


@pytest.fixture
def fuzzed_schema(db):
    from archive.wsgi import application

    event = factories.event(title="Fuzzed", date="1990-01-20")
    factories.claim(event, factories.source(), value="3")
    factories.person(name="Fuzzed person")
    # Like Django's test client: the end of a request must not close the test's connection
    # (its transaction holds the test's rows).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_it_answers_schemathesis_within_its_schema(fuzzed_schema):
    # Valid requests: no 5xx, and status codes, content types, headers and bodies as the schema
    # says. Not "every schema-valid request is a 2xx": the valid values of a filter such as
    # `event_type` or `place` are the archive's data, which no schema lists; a value that names
    # nothing is the documented 400 that names the field.
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
    ]
    assert fuzz(fuzzed_schema, GenerationMode.POSITIVE, checks=checks) >= 12


def test_it_refuses_schemathesis_s_invalid_requests_without_a_5xx(fuzzed_schema):
    # Query strings that break the schema (a slug has no invalid form: any string is a 404).
    ran = fuzz(fuzzed_schema, GenerationMode.NEGATIVE, checks=[not_a_server_error], lists_only=True)
    assert ran >= 6
