import pytest
from django.core.cache import cache
from django.db import connection


@pytest.mark.django_db
def test_health_reports_database_and_cache(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }

    response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "error: ConnectionError"
    assert response.json()["checks"]["database"] == "ok"


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
