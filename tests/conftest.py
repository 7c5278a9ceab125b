import pytest
from django.conf import settings
from django.db import connection


def pytest_report_header(config):
    database = settings.DATABASES["default"]
    return [
        f"database: {database['ENGINE'].rsplit('.', 1)[-1]} ({database['NAME']})",
        f"celery broker: {settings.CELERY_BROKER_URL.split('://', 1)[0]}",
        f"cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}",
    ]


def pytest_collection_modifyitems(config, items):
    on_postgresql = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    skip_postgresql = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL (CI does)")
    skip_redis = pytest.mark.skip(reason="needs Redis: set REDIS_URL (CI does)")
    for item in items:
        if "postgresql" in item.keywords and not on_postgresql:
            item.add_marker(skip_postgresql)
        if "redis" in item.keywords and not settings.REDIS_URL:
            item.add_marker(skip_redis)


@pytest.fixture
def count_queries(client):
    """count_queries(url) -> number of SQL queries the page ran (asserting a 200)."""
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(context.captured_queries)

    return count
