"""Settings are read from the environment: each variable, in a fresh interpreter."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "STORAGE_URL",
    "SECRET_KEY",
    "SECRET_KEY_FALLBACKS",
    "DEBUG",
    "ALLOWED_HOSTS",
    "RIAL_VAR_DIR",
    "DJANGO_SETTINGS_MODULE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_PRELOAD",
    # Set for a whole test process once a browser test ran in it
    # (tests/browser/conftest.py); a production server never has it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    # The test suite turns the API's throttling off (pyproject's pytest env).
    "API_THROTTLE_RATE",
    "LOG_FORMAT",
    "LOG_LEVEL",
    "METRICS_ALLOWED_IPS",
    "SENTRY_DSN",
    "PROMETHEUS_MULTIPROC_DIR",
    "BEHIND_PROXY",
)
PRODUCTION = {
    "SECRET_KEY": "p" * 60 + "-production-like-secret-key",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "rial.example.org",
    "DATABASE_URL": "postgres://rial:secret@db.example.org:5432/rial",
    "REDIS_URL": "redis://cache.example.org:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:pw@smtp.example.org:587",
    "STORAGE_URL": "s3://AKIAEXAMPLE:secret@s3.example.org/rial-media?region=us-east-1",
}


def run_python(code, tmp_path, *, stdin=None, **environment):
    """Run ``code`` in a new interpreter with only ``environment`` set among the
    portal's variables, var/ under tmp_path, given ``stdin``."""
    env = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    env["RIAL_VAR_DIR"] = str(tmp_path / "var")
    env["DJANGO_SETTINGS_MODULE"] = "rial_portal.settings"
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )


def load_settings(tmp_path, **environment):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name, None) for name in dir(s) if name.isupper()}, "
        "default=str))"
    )
    result = run_python(code, tmp_path, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_settings_logs_are_json_in_production_and_text_in_development(tmp_path):
    production = load_settings(tmp_path, SECRET_KEY="k" * 50, DEBUG="false")
    development = load_settings(tmp_path, DEBUG="true", LOG_LEVEL="warning")
    chosen = load_settings(tmp_path, DEBUG="true", LOG_FORMAT="json")

    assert production["LOGGING"]["handlers"]["console"]["formatter"] == "json"
    assert production["LOGGING"]["root"]["level"] == "INFO"
    assert development["LOGGING"]["handlers"]["console"]["formatter"] == "console"
    assert development["LOGGING"]["root"]["level"] == "WARNING"
    assert chosen["LOGGING"]["handlers"]["console"]["formatter"] == "json"


def test_settings_unknown_log_format_stops_start_up(tmp_path):
    result = run_python("import django; django.setup()", tmp_path, DEBUG="true", LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "LOG_FORMAT is 'xml': give json or console." in result.stderr


def test_settings_metrics_allowed_ips_are_addresses_or_networks(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true", METRICS_ALLOWED_IPS="10.0.5.7,10.0.6.0/24")
    result = run_python(
        "import django; django.setup()", tmp_path, DEBUG="true", METRICS_ALLOWED_IPS="10.0.5.*"
    )

    assert settings["METRICS_ALLOWED_IPS"] == ["10.0.5.7", "10.0.6.0/24"]
    assert result.returncode != 0
    assert "METRICS_ALLOWED_IPS names '10.0.5.*'" in result.stderr


def test_settings_embedded_defaults_need_no_server(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true")

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "var" / "db.sqlite3")
    assert settings["CELERY_BROKER_URL"] == "filesystem://"
    queue = settings["CELERY_BROKER_TRANSPORT_OPTIONS"]["data_folder_in"]
    assert Path(queue).is_dir()
    assert queue == settings["CELERY_BROKER_TRANSPORT_OPTIONS"]["data_folder_out"]
    control = settings["CELERY_BROKER_TRANSPORT_OPTIONS"]["control_folder"]
    assert control == str(tmp_path / "var" / "celery" / "control")
    assert settings["CACHES"]["default"]["BACKEND"].endswith("FileBasedCache")
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert settings["EMAIL_FILE_PATH"] == str(tmp_path / "var" / "mail")


def test_settings_database_url_selects_postgresql(tmp_path):
    settings = load_settings(
        tmp_path, DEBUG="true", DATABASE_URL="postgres://rial:pw@db.example.org:5433/rial_db"
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == ("rial_db", "rial", "pw")
    assert (database["HOST"], database["PORT"]) == ("db.example.org", 5433)


def test_settings_redis_url_is_broker_and_cache(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true", REDIS_URL="redis://cache.example.org:6379/2")

    assert settings["CELERY_BROKER_URL"] == "redis://cache.example.org:6379/2"
    assert settings["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.example.org:6379/2",
        "KEY_PREFIX": "rial",
    }


def test_settings_email_url_configures_smtp(tmp_path):
    settings = load_settings(
        tmp_path, DEBUG="true", EMAIL_URL="smtp+tls://mailer:s3cret@smtp.example.org:587"
    )

    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("smtp.example.org", 587)
    assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == ("mailer", "s3cret")
    assert settings["EMAIL_USE_TLS"] is True


def test_settings_storage_url_puts_uploads_in_the_bucket(tmp_path):
    settings = load_settings(
        tmp_path, DEBUG="true", STORAGE_URL="s3+http://key:secret@127.0.0.1:9000/rial-media"
    )

    storage = settings["STORAGES"]["default"]
    assert storage["BACKEND"] == "rial_portal.bucket.BucketStorage"
    assert storage["OPTIONS"]["bucket_name"] == "rial-media"
    assert storage["OPTIONS"]["endpoint_url"] == "http://127.0.0.1:9000"
    # The URL holds the secret key: it is not kept as a setting that error reports print.
    assert "STORAGE_URL" not in settings


def test_settings_without_storage_url_keep_uploads_in_the_media_folder(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true")

    assert settings["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert settings["MEDIA_ROOT"] == str(tmp_path / "var" / "media")


def test_settings_bad_storage_url_fails_clearly(tmp_path):
    result = run_python(
        "import django; django.setup()", tmp_path, DEBUG="true", STORAGE_URL="ftp://x/y"
    )

    assert result.returncode != 0
    assert "STORAGE_URL must start with s3://" in result.stderr


def test_settings_bad_email_url_fails_clearly(tmp_path):
    result = run_python("import django; django.setup()", tmp_path, DEBUG="true", EMAIL_URL="x://")

    assert result.returncode != 0
    assert "Invalid email schema x" in result.stderr


def test_settings_allowed_hosts_and_debug(tmp_path):
    settings = load_settings(
        tmp_path, SECRET_KEY="k" * 50, DEBUG="false", ALLOWED_HOSTS="rial.example.org,.oas.org"
    )

    assert settings["DEBUG"] is False
    assert settings["ALLOWED_HOSTS"] == ["rial.example.org", ".oas.org"]
    assert settings["SECRET_KEY"] == "k" * 50
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["CSRF_COOKIE_SECURE"] is True


def test_settings_secret_key_fallbacks_keep_what_the_old_key_signed_valid(tmp_path):
    """Rotating the key: what the old one signed (a session, a link) still
    verifies while it is among the fallbacks, and no longer once it is out."""
    old_key, new_key = "o" * 50, "n" * 50
    sign = "import django; django.setup(); from django.core import signing; print(signing.dumps(7))"
    check = (
        "import sys, django; django.setup(); from django.core import signing; "
        "print(signing.loads(sys.stdin.read().strip()))"
    )
    signed = run_python(sign, tmp_path, SECRET_KEY=old_key, DEBUG="true").stdout

    def verify(**environment):
        return run_python(
            check, tmp_path, stdin=signed, SECRET_KEY=new_key, DEBUG="true", **environment
        )

    assert verify(SECRET_KEY_FALLBACKS=f"{old_key},{'x' * 50}").stdout.strip() == "7"
    assert "BadSignature" in verify().stderr


def test_settings_debug_defaults_to_local_hosts_and_a_development_key(tmp_path):
    settings = load_settings(tmp_path, DEBUG="true")

    assert settings["DEBUG"] is True
    assert "localhost" in settings["ALLOWED_HOSTS"]
    assert settings["SECRET_KEY"].startswith("django-insecure-")


def test_settings_missing_secret_key_without_debug_stops_start_up(tmp_path):
    result = run_python("import django; django.setup()", tmp_path, DEBUG="false")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_migration_check_runs_without_a_key_and_nothing_else_does(tmp_path):
    """makemigrations signs nothing: CI's check runs it in a bare environment."""
    code = (
        "import runpy, sys; sys.argv = ['manage.py', *sys.argv[1:]]; "
        "runpy.run_path('manage.py', run_name='__main__')"
    )
    check = run_python(
        code.replace("sys.argv[1:]", "['makemigrations', '--check', '--dry-run']"),
        tmp_path,
        DEBUG="false",
    )
    assert check.returncode == 0, check.stderr
    assert "No changes detected" in check.stdout

    serve = run_python(code.replace("sys.argv[1:]", "['check']"), tmp_path, DEBUG="false")
    assert "SECRET_KEY is not set" in serve.stderr


@pytest.mark.parametrize("value", ["", "   "])
def test_settings_empty_secret_key_counts_as_missing(tmp_path, value):
    result = run_python("import django; django.setup()", tmp_path, SECRET_KEY=value.strip())

    assert "SECRET_KEY is not set" in result.stderr


def test_check_deploy_with_production_environment_prints_no_warning(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    env.update(PRODUCTION, RIAL_VAR_DIR=str(tmp_path / "var"))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
