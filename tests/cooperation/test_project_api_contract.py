"""The OpenAPI contract of /api/v1/cooperation/projects, checked by schemathesis in-process
(as tests/knowledge/test_api_contract.py does)."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from lmec.wsgi import application
from tests.cooperation.project_fixtures import *  # noqa: F403
from tests.helpers import connection_kept_between_wsgi_requests

CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {"mode": "all"},
        "dictionaries": {"codes": {"values": ["p-public", "p-draft"]}},
        "parameters": {"path.code": {"dictionary": "codes", "probability": 0.7}},
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG).include(
    path_regex="^/api/v1/cooperation/projects"
)


@pytest.fixture
def records(db, make_project, rates):
    from lmec.cooperation.services import projects as services
    from tests.helpers import make_users

    with connection_kept_between_wsgi_requests():
        users = make_users()
        public = make_project("p-public", status="ongoing")
        make_project("p-draft", published=False)
        services.add_funding(
            user=users.editor,
            project=public,
            data={"source_type": "F1", "date": "2024-02-01", "amount": "10", "currency": "THB"},
        )
        yield


@schema.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_it_keeps_the_openapi_contract(case, records):
    case.call_and_validate()
