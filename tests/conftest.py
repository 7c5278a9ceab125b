import contextlib
import importlib.util
import os
import secrets
import socket
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import translation


def pytest_configure(config):
    # Each test process (xdist worker, or a second run beside this one) sends its
    # tasks to a queue of its own, so that its Celery worker never takes another
    # process's tasks to the wrong test database.
    from rial_portal.celery import app

    app.conf.task_default_queue = f"tests-{os.getpid()}"


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
    has_s3_server = importlib.util.find_spec("moto") is not None
    skip_s3 = pytest.mark.skip(reason='needs moto_server: pip install -e ".[dev]" (make test does)')
    for item in items:
        if "postgresql" in item.keywords and not on_postgresql:
            item.add_marker(skip_postgresql)
        if "redis" in item.keywords and not settings.REDIS_URL:
            item.add_marker(skip_redis)
        if "s3" in item.keywords and not has_s3_server:
            item.add_marker(skip_s3)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory, django_db_modify_db_settings_parallel_suffix):
    """On SQLite the test database is a file of this test process, not one in
    memory: a Celery worker started as a separate process (the newsletter's
    kill test) must open it too."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        path = tmp_path_factory.mktemp("database") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(path)
        # Write-ahead logging: readers never wait for a writer (a test polling
        # while a worker process sends). And a test database need not survive
        # a power cut, so commits skip the disk sync.
        database.setdefault("OPTIONS", {})["init_command"] = (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
        )


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


@pytest.fixture(scope="session", autouse=True)
def collected_static_files(tmp_path_factory):
    """Pages render with the production storage (hashed names from whitenoise's
    manifest), so a template naming a missing static file fails its test."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


@pytest.fixture(scope="session", autouse=True)
def no_visitor_cache():
    """Off, and its fragments too, unless a test turns them on
    (tests/rial_portal/test_visitor_cache.py):
    a test's writes are rolled back, never committed, so they never renew the
    content version, and a page stored by one test would be served to the
    next, whose database differs."""
    with override_settings(VISITOR_CACHE=False, FRAGMENT_CACHE=False):
        yield


@pytest.fixture
def visitor_cache_on(settings):
    """The visitors' cache on, in a cache of this test's own, so that nothing
    another test stored is read (with transactional tests, whose writes
    commit and renew the content version)."""
    settings.VISITOR_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"visitor-cache-{secrets.token_hex(8)}",
        }
    }
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Hashing strength is Django's concern, not ours; PBKDF2 would dominate the suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def english_to_start_with():
    """Each test starts in the default language: the test client leaves the
    last request's language active, and factories write a translated field
    (``title=``) into the active language's column."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def celery_worker():
    """A real Celery worker, in a thread, on the broker the settings name (Redis
    in CI, the filesystem transport elsewhere). Tests using it need
    ``django_db(transaction=True)``: the worker reads what they commit."""
    from celery.contrib.testing.worker import start_worker

    from rial_portal.celery import app

    with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """A real S3-compatible server, moto's, in its own process on a free
    loopback port, spoken to over HTTP as a production bucket is; one per
    test process. Yields its address (http://127.0.0.1:PORT)."""
    port = free_port()
    log = tmp_path_factory.mktemp("s3") / "moto_server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"

    def answers():
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return True
        return False

    try:
        if not wait_for(answers, timeout=30):
            pytest.fail(f"moto_server did not start on {endpoint}: {log.read_text()}")
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3_storage(settings, s3_server):
    """The portal's uploads go to a new, empty bucket on ``s3_server``, set up
    as STORAGE_URL would (rial_portal/storage.py). Returns its ``bucket`` name,
    the server's ``endpoint``, a boto3 ``client`` for looking at the bucket
    from outside the portal, and the ``storage_url``."""
    import boto3

    from rial_portal.storage import storage_from_url

    bucket = f"rial-test-{secrets.token_hex(6)}"
    # moto accepts any key pair; these only have to be the same on both sides.
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id="rial-test",
        aws_secret_access_key="rial-test-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=bucket)
    storage_url = f"s3+http://rial-test:rial-test-secret@{s3_server.split('//')[1]}/{bucket}"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": storage_from_url(
            storage_url, max_memory_size=settings.FILE_UPLOAD_MAX_MEMORY_SIZE
        ),
    }
    return SimpleNamespace(
        bucket=bucket, endpoint=s3_server, client=client, storage_url=storage_url
    )


@contextlib.contextmanager
def serve_smtp(settings, handler):
    """Run the aiosmtpd ``handler`` on a free loopback port, with the
    portal's email pointed at it."""
    from aiosmtpd.controller import Controller

    port = free_port()  # aiosmtpd cannot report one it chose
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield port
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback (aiosmtpd); the portal's email goes to it.
    Yields the list of received messages (email.message.EmailMessage); its
    ``peers`` are the client's (host, port) of each, one per connection.
    Addresses starting with "refused" are refused as unknown mailboxes (550),
    those starting with "greylisted" for now (450)."""
    from email import message_from_bytes, policy

    class Inbox(list):
        def __init__(self):
            super().__init__()
            self.peers = []

    received = Inbox()

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            # A mailbox that does not exist, for tests of permanent refusals.
            if address.startswith("refused"):
                return "550 5.1.1 No such mailbox"
            # A mailbox that may accept later, for tests of temporary refusals.
            if address.startswith("greylisted"):
                return "450 4.2.0 Try again later"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            received.peers.append(session.peer)
            received.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    with serve_smtp(settings, Handler()):
        yield received


@pytest.fixture
def smtp_recipients(settings):
    """A real SMTP server on loopback that only keeps the recipients of what
    it accepts, in order, without parsing the messages: for thousands of
    them, parsing in the test process would cost more than sending."""
    recipients = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            recipients.extend(envelope.rcpt_tos)
            return "250 OK"

    with serve_smtp(settings, Handler()):
        yield recipients


def sign_in_with_second_factor(client, user):
    """Sign ``user`` in as after the two-factor step: a confirmed TOTP device,
    verified for this session (what the admin requires of staff)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def staff_client(client):
    """A client signed in as Technical Secretariat staff, with a second factor;
    ``client.staff`` is the staff member."""
    from tests.factories import SecretariatStaffFactory

    client.staff = SecretariatStaffFactory()
    return sign_in_with_second_factor(client, client.staff)


@pytest.fixture
def secretariat_group():
    """The staff's groups come from a data migration, which the flush after
    an earlier test outside a transaction (a live server's, another node's)
    took away: the Secretariat's made again, with its permissions as every
    migrate grants them."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from rial_portal.roles import TECHNICAL_SECRETARIAT, grant_role_permissions

    Group.objects.get_or_create(name=TECHNICAL_SECRETARIAT)
    for app_config in apps.get_app_configs():
        grant_role_permissions(sender=app_config)


def assert_move_follows_table(workflow, record, name, make_move):
    """Make the move ``name`` of ``workflow`` on ``record`` through
    ``make_move()`` and hold it to the table: from one of the move's sources
    (where the move applies to the record at all) the move is logged from
    that state to its target, and the record stays where the last move
    logged took it (a move may bring one of the portal's own after it); from
    any other state it is refused with the table's message, and nothing is
    changed or logged."""
    from core.workflow import TransitionError

    move = workflow[name]
    state = getattr(record, workflow.field)
    if move.applies is not None and not move.applies(record):
        refusal_message = str(move.not_applicable)
    else:
        refusal_message = str(workflow.wrong_state(move, record))
    before = len(moves_logged(record))
    if move.starts_from(record, workflow.field):
        make_move()
        logged = moves_logged(record, "action", "from_state", "to_state")[before:]
        assert logged[0][:2] == (name, state)
        if not callable(move.target):  # else the record decides where it ends
            assert logged[0][2] == move.target
        expected = logged[-1][2]
    else:
        with pytest.raises(TransitionError) as refusal:
            make_move()
        assert refusal.value.messages == [refusal_message]
        assert len(moves_logged(record)) == before
        expected = state
    record.refresh_from_db()
    assert getattr(record, workflow.field) == expected


def refusals(workflow, *names):
    """Each (state, move) of the moves ``names`` of ``workflow`` where the move
    does not start: the cases that show a page or an admin step refusing
    every move its table does not allow."""
    states = [value for value, _label in workflow.model._meta.get_field(workflow.field).choices]
    return [
        (state, name) for name in names for state in states if state not in workflow[name].sources
    ]


def assert_refused_as_the_table_says(workflow, record, name, shown):
    """``shown``, the messages of a page asked to make the move ``name`` on
    ``record``, is the table's refusal of it in the record's state; the record
    has stayed in that state, and nothing is logged."""
    state = getattr(record, workflow.field)
    assert shown == [str(workflow.wrong_state(workflow[name], record))]
    record.refresh_from_db()
    assert getattr(record, workflow.field) == state
    assert moves_logged(record) == []


def moves_logged(record, *fields):
    """The activity log of ``record``, oldest first: for each move, the
    values of ``fields`` (by default action, actor, from and to state)."""
    from django.contrib.contenttypes.models import ContentType

    from core.models import ActivityLog

    entries = ActivityLog.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).order_by("created_at", "pk")
    fields = fields or ("action", "actor", "from_state", "to_state")
    return [tuple(getattr(entry, field) for field in fields) for entry in entries]


@contextlib.contextmanager
def broker_outage(tmp_path):
    """The Celery app's broker made unreachable for real while inside: Redis
    on a port where nothing listens, or the filesystem transport writing into
    a path that is a file. Messages sent inside use fresh connection pools
    with that configuration; on the way out the app gets its own pools back
    untouched (a worker running in this process keeps working)."""
    from rial_portal.celery import app

    saved_url, saved_options = app.conf.broker_url, dict(app.conf.broker_transport_options)
    saved_pools = app._pool, app.amqp._producer_pool
    if saved_url.startswith("redis"):
        app.conf.broker_url = "redis://127.0.0.1:1/0"
    else:
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("")
        app.conf.broker_transport_options = {**saved_options, "data_folder_out": str(blocked)}
    app._pool, app.amqp._producer_pool = None, None
    try:
        yield
    finally:
        if app._pool is not None:
            app._pool.force_close_all()
        app.conf.broker_url = saved_url
        app.conf.broker_transport_options = saved_options
        app._pool, app.amqp._producer_pool = saved_pools


def wait_for(predicate, timeout=15):
    """Poll ``predicate`` until it holds (True) or ``timeout`` seconds pass
    (False): for work a real Celery worker does in another thread."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def run_in_threads(work, count):
    """Run ``work(i)`` for i in range(count), each in its own thread (and
    database connection), all released at the same moment. Returns the
    exceptions raised, in no particular order."""
    import threading

    start = threading.Barrier(count)
    errors = []

    def run(i):
        try:
            start.wait()
            work(i)
        except Exception as error:  # noqa: BLE001 — the caller asserts on every failure
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors
