"""The OpenAPI contract of ``/api/v1/knowledge/search`` (schemathesis in-process, all checks:
no server error, documented statuses, valid answers, schema-valid requests accepted)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.helpers import connection_kept_between_wsgi_requests

from .search_fixtures import CORPUS, make_resource

CONFIG = SchemathesisConfig.from_dict({"generation": {"mode": "all"}})
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path="/api/v1/knowledge/search"
)


@pytest.fixture
def catalogue(db):
    with connection_kept_between_wsgi_requests():
        for data in CORPUS[:4]:
            make_resource(**data)
        yield


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, catalogue):
    case.call_and_validate()
