"""Schema-driven tests of the API (schemathesis): requests generated from the
OpenAPI schema, valid and invalid, for every operation. No answer may be a
server error, and every answer must be one the schema documents, in the
shape it documents."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cooperation.enums import RequestStatus
from meetings.enums import Visibility
from portfolio.enums import ProgramStatus
from portfolio.models import ProgramIndicator, ProgramOffer
from tests.cooperation.factories import RequestFactory
from tests.factories import InstitutionFactory, TopicFactory, WorkingGroupFactory
from tests.fund.factories import ContributionFactory, ExpenseFactory, PledgeFactory
from tests.meetings.factories import DocumentFactory, DocumentFileFactory, MeetingFactory
from tests.portfolio.factories import ProgramFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def served_schema():
    """The schema /api/v1/schema/ serves, generated here at collection, when
    no database may be used (test_schema.py checks that it is served).
    schemathesis.pytest.from_fixture would load it later, but it breaks on
    pytest 9 (it sets the removed Node._nodeid)."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(document)))


schema = served_schema()


@pytest.fixture
def portal(db, settings, tmp_path):
    """Calls go to the portal's WSGI handler in the test's thread, so that
    they see the test's data. As Django's test client does, the handler does
    not close the connection (and the test's transaction) around a request."""
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    settings.MEDIA_ROOT = tmp_path
    published_data()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def published_data():
    """Some of everything, public and not, so that lists have rows to show."""
    ministry = InstitutionFactory()
    topic = TopicFactory(slug="labor-inspection")
    program = ProgramFactory(owner=ministry, topics=[topic])
    ProgramOffer.objects.create(program=program, kind="workshop")
    ProgramIndicator.objects.create(program=program, name="Inspectors trained", value="200")
    ProgramFactory(owner=ministry, status=ProgramStatus.DRAFT, published_at=None)
    meeting = MeetingFactory()
    meeting.working_groups.set([WorkingGroupFactory()])
    meeting.topics.set([topic])
    MeetingFactory(visibility=Visibility.DELEGATES)
    DocumentFileFactory(document=DocumentFactory(meeting=meeting))
    DocumentFactory(meeting=meeting, visibility=Visibility.DELEGATES)
    closed = RequestFactory(status=RequestStatus.CLOSED, provider=ministry, program=program)
    closed.results.update(achieved="Done")
    RequestFactory(status=RequestStatus.APPROVED, topic=topic)
    RequestFactory(status=RequestStatus.DRAFT)
    ContributionFactory(institution=ministry)
    ExpenseFactory()
    PledgeFactory(institution=ministry)


@schema.parametrize()
@hypothesis_settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_no_answer_is_a_server_error_or_off_the_schema(case, portal):
    case.call_and_validate(app=portal, checks=CHECKS)
