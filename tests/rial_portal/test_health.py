import pytest
from django.core.cache import cache
from django.db import connection

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def unreachable_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
        }
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "checks"),
    [
        ("/health/", {"database": "ok", "cache": "ok"}),
        ("/health/ready/", {"database": "ok", "cache": "ok", "broker": "ok"}),
    ],
)
def test_health_reports_each_check(client, path, checks):
    response = client.get(path)

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": checks}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "checks"),
    [
        ("/health/", {"database": "ok", "cache": "error: ConnectionError"}),
        (
            "/health/ready/",
            {"database": "ok", "cache": "error: ConnectionError", "broker": "ok"},
        ),
    ],
)
def test_health_is_503_naming_the_cache_when_it_is_unreachable(
    client, unreachable_cache, path, checks
):
    response = client.get(path)

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": checks}


def test_health_live_answers_without_the_database_or_the_cache(client, unreachable_cache):
    """No django_db mark: a query would fail the test."""
    response = client.get("/health/live/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_ready_is_503_naming_the_broker_when_it_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = UNREACHABLE_REDIS
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}

    response = client.get("/health/ready/")

    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "checks": {"database": "ok", "cache": "ok", "broker": "error: OperationalError"},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/health/", "/health/live/", "/health/ready/"])
def test_health_is_answered_over_plain_http_when_https_is_enforced(client, settings, path):
    """Probes come from inside the container network, without TLS."""
    settings.SECURE_SSL_REDIRECT = True

    assert client.get(path).status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.postgresql
@pytest.mark.django_db
def test_database_is_the_configured_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        (version,) = cursor.fetchone()

    assert connection.vendor == "postgresql"
    assert int(version) >= 130000


@pytest.mark.redis
def test_cache_is_the_configured_redis(settings):
    cache.set("rial-test-key", {"amount": "20000.00"}, timeout=30)

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert cache.get("rial-test-key") == {"amount": "20000.00"}
    assert cache._cache.get_client().ping() is True
    cache.delete("rial-test-key")
