"""Two web nodes: two gunicorn servers on their own ports, sharing the test's
PostgreSQL database, Redis and S3 server (moto), spoken to over real HTTP as
a proxy in front of them would. Whatever one node does, the other sees at the
next request: files, sessions, the visitors' cache, places at a meeting. And
beat sends each periodic task once however many beats run (one per node).

Each server writes its log in the temporary folder of the tests
(``nodes0/gunicorn-a.log``, ``test_two_beats…/beat-a.log``), and is stopped
when its tests end, passed or failed."""

import contextlib
import datetime
import http.client
import os
import re
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import Client
from django.utils import timezone

from meetings.enums import RegistrationStatus
from meetings.models import NationalReport, Registration
from portfolio.enums import ProgramStatus
from rial_portal.beat import LOCK_NAME, LOCK_SECONDS, STANDBY_SECONDS
from tests.conftest import free_port, sign_in_with_second_factor, wait_for
from tests.factories import (
    PASSWORD,
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.meetings.factories import MeetingFactory
from tests.newsletter.test_volume import database_url
from tests.portfolio.factories import ProgramFactory

pytestmark = [
    pytest.mark.postgresql,
    pytest.mark.redis,
    pytest.mark.s3,
    # The servers read what the test commits.
    pytest.mark.django_db(transaction=True),
]

# Both nodes are reached under the portal's public name, as behind a proxy.
HOST = "127.0.0.1"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + secrets.token_bytes(4096)
# The machine's cores may be busy with other tests.
START_SECONDS = 120


@dataclass
class Node:
    name: str
    port: int
    process: subprocess.Popen


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self):
        return self.body.decode()


class Browser:
    """One person's browser: the cookies it was given, sent to whichever
    node it asks (cookies marked Secure too: the nodes speak plain HTTP here)."""

    def __init__(self, session_key=None):
        self.cookies = {}
        if session_key:
            self.cookies[settings.SESSION_COOKIE_NAME] = session_key

    def request(self, node, method, path, *, fields=None, files=None):
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body, headers["Content-Type"] = _multipart(fields, files or {})
        connection = http.client.HTTPConnection("127.0.0.1", node.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            response = Response(answer.status, answer.headers, answer.read())
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, value = cookie.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response

    def get(self, node, path):
        return self.request(node, "GET", path)

    def open_form(self, node, path):
        """The CSRF token of the form at ``path``, as a browser keeps it to send."""
        page = self.get(node, path)
        assert page.status == 200, (path, page.status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    def submit(self, node, path, fields, *, files=None, token=None):
        """Send the form at ``path`` (opened on ``node`` unless ``token``)."""
        token = token or self.open_form(node, path)
        return self.request(
            node, "POST", path, fields={"csrfmiddlewaretoken": token, **fields}, files=files
        )


def _multipart(fields, files):
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def signed_in(user, *, second_factor=False):
    """A browser with a session for ``user`` made in the shared database, as
    if they had signed in on some node (the sign-in form: the first test)."""
    client = Client()
    if second_factor:
        sign_in_with_second_factor(client, user)
    else:
        client.force_login(user)
    return Browser(client.cookies[settings.SESSION_COOKIE_NAME].value)


@pytest.fixture(scope="module")
def bucket(s3_server):
    """The nodes' bucket, on the test process's S3 server: one for the
    module, as the nodes are (the s3_storage fixture's is one test's)."""
    import boto3

    name = f"rial-nodes-{secrets.token_hex(6)}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id="rial-test",
        aws_secret_access_key="rial-test-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=name)
    return SimpleNamespace(
        name=name,
        endpoint=s3_server,
        client=client,
        storage_url=f"s3+http://rial-test:rial-test-secret@{s3_server.split('//')[1]}/{name}",
    )


@pytest.fixture(scope="module")
def node_environment(django_db_setup, bucket, collected_static_files):
    """What a node's processes are started with: the test database, Redis and
    bucket, and a name in Redis of their own (tests/node_settings.py), whose
    keys and queues are removed at the end."""
    import redis

    name = f"rial-nodes-{secrets.token_hex(4)}"
    yield {
        **os.environ,
        "STATIC_ROOT": str(collected_static_files),
        "DATABASE_URL": database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "STORAGE_URL": bucket.storage_url,
        "ALLOWED_HOSTS": HOST,
        "VISITOR_CACHE": "true",
        "FRAGMENT_CACHE": "true",
        "LOG_LEVEL": "INFO",
        "DJANGO_SETTINGS_MODULE": "tests.node_settings",
        "RIAL_TEST_NODES": name,
    }
    left = redis.Redis.from_url(settings.REDIS_URL)
    # The queue, its bindings (kombu's) and the cache's keys all carry the name.
    left.delete(*left.scan_iter(f"*{name}*"))


@contextlib.contextmanager
def running(commands, folder):
    """Start each ``(name, argv, environment)``; stop them all on leaving,
    whatever happened. Yields {name: Popen}."""
    processes = {}
    logs = []
    try:
        for name, argv, environment in commands:
            log = (folder / f"{name}.log").open("wb")
            logs.append(log)
            processes[name] = subprocess.Popen(
                argv, cwd=settings.BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT
            )
        yield processes
    finally:
        for process in processes.values():
            # Without waiting for requests to end (gunicorn's quick shutdown).
            process.send_signal(signal.SIGINT)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in logs:
            log.close()


def answers(port):
    try:
        with urllib.request.urlopen(
            urllib.request.Request(
                f"http://127.0.0.1:{port}/health/ready/", headers={"Host": HOST}
            ),
            timeout=5,
        ) as response:
            return response.status == 200
    except (OSError, http.client.HTTPException):
        return False


def serving(process, port):
    """Wait until the server on ``port`` is ready; False if it stopped or never was."""
    deadline = time.monotonic() + START_SECONDS
    while process.poll() is None and time.monotonic() < deadline:
        if answers(port):
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def nodes(node_environment, tmp_path_factory):
    """Nodes A and B: gunicorn each, one process of two threads, for the
    module's tests (each starts nothing of its own)."""
    folder = tmp_path_factory.mktemp("nodes")
    ports = {"gunicorn-a": free_port(), "gunicorn-b": free_port()}
    commands = [
        (
            name,
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "rial_portal.wsgi"],
            {
                **node_environment,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "1",
                "GUNICORN_THREADS": "2",
                "GUNICORN_ACCESSLOG": "",
            },
        )
        for name, port in ports.items()
    ]
    with running(commands, folder) as processes:
        for name, port in ports.items():
            assert serving(processes[name], port), (folder / f"{name}.log").read_text()
        yield tuple(Node(name, ports[name], processes[name]) for name in ports)


def test_a_person_signed_in_on_one_node_continues_on_the_other_and_their_upload_downloads_there(
    nodes, bucket
):
    node_a, node_b = nodes
    focal_point = FocalPointFactory(email="focal.point@example.org")
    # The nodes check passwords with the portal's hasher, not the test suite's fast one.
    hasher = PBKDF2PasswordHasher()
    focal_point.password = hasher.encode(PASSWORD, hasher.salt())
    focal_point.save(update_fields=["password"])
    meeting = MeetingFactory(
        national_reports_due=timezone.localdate() + datetime.timedelta(days=20)
    )
    person = Browser()

    signing_in = person.submit(
        node_a, "/accounts/login/", {"username": focal_point.email, "password": PASSWORD}
    )
    on_b = person.get(node_b, "/accounts/dashboard/")
    upload = person.submit(
        node_b,
        f"/meetings/{meeting.slug}/national-report/",
        {"language": "es"},
        files={"file": ("informe.pdf", PDF, "application/pdf")},
        token=person.open_form(node_a, f"/meetings/{meeting.slug}/national-report/"),
    )
    report = NationalReport.objects.get(meeting=meeting)
    download_path = f"/meetings/{meeting.slug}/national-reports/{report.pk}/"
    download = person.get(node_a, download_path)

    assert signing_in.status == 302
    # The dashboard is for the signed-in only (an anonymous visitor is sent to sign in).
    assert on_b.status == 200
    assert upload.status == 302
    assert download.status == 200
    assert download.body == PDF
    # In the bucket, not on either node's disk.
    stored = bucket.client.head_object(Bucket=bucket.name, Key=report.file.name)
    assert stored["ContentLength"] == len(PDF)
    assert not (settings.MEDIA_ROOT / report.file.name).exists()
    # Nobody else gets it: not through either node, nor from the bucket's address.
    stranger = signed_in(UserFactory())
    assert [stranger.get(node, download_path).status for node in nodes] == [404, 404]
    visitor = [Browser().get(node, download_path) for node in nodes]
    assert [answer.status for answer in visitor] == [302, 302]
    assert {answer.headers["Location"].split("?")[0] for answer in visitor} == {"/accounts/login/"}
    with pytest.raises(urllib.error.HTTPError) as direct:
        urllib.request.urlopen(f"{bucket.endpoint}/{bucket.name}/{report.file.name}")
    assert direct.value.code == 403


def test_a_program_published_on_one_node_is_shown_to_visitors_of_the_other_at_once(
    nodes, secretariat_group
):
    node_a, node_b = nodes
    program = ProgramFactory(
        title_en="Apprenticeships for young workers",
        status=ProgramStatus.SUBMITTED,
        published_at=None,
    )
    staff = signed_in(SecretariatStaffFactory(), second_factor=True)
    visitor = Browser()

    rendered_on_a = visitor.get(node_a, "/programs/")
    from_cache_on_b = visitor.get(node_b, "/programs/")
    publishing = staff.submit(
        node_a,
        "/admin/portfolio/program/",
        {"action": "publish", "_selected_action": program.pk, "index": 0},
    )
    next_on_b = visitor.get(node_b, "/programs/")

    assert rendered_on_a.status == from_cache_on_b.status == 200
    # B served the page A stored: the same version, not one of its own.
    assert from_cache_on_b.headers["ETag"] == rendered_on_a.headers["ETag"]
    assert program.title_en not in from_cache_on_b.text
    assert publishing.status == 302
    program.refresh_from_db()
    assert program.status == ProgramStatus.PUBLISHED
    assert next_on_b.status == 200
    assert next_on_b.headers["ETag"] != rendered_on_a.headers["ETag"]
    assert program.title_en in next_on_b.text


def test_a_meetings_last_place_goes_to_one_of_two_people_registering_on_two_nodes_at_once(nodes):
    meeting = MeetingFactory(capacity=1)
    institution = InstitutionFactory()
    people = [UserFactory(email=f"delegate{i}@example.org") for i in range(2)]
    browsers = [signed_in(person) for person in people]
    path = f"/meetings/{meeting.slug}/register/"
    tokens = [browser.open_form(node, path) for browser, node in zip(browsers, nodes, strict=True)]
    together = threading.Barrier(2)

    def register(i):
        fields = {
            "full_name": f"Delegate {i}",
            "institution": institution.pk,
            "member_state": institution.member_state_id,
            "role": "delegate",
            "email": people[i].email,
            "language": "en",
        }
        together.wait()
        return browsers[i].submit(nodes[i], path, fields, token=tokens[i]).status

    with ThreadPoolExecutor(max_workers=2) as pool:
        statuses = list(pool.map(register, range(2)))

    given = Registration.objects.filter(meeting=meeting).values_list("status", flat=True)
    assert statuses == [302, 302]
    assert sorted(given) == [RegistrationStatus.SUBMITTED, RegistrationStatus.WAITLISTED]


def beat_log(tmp_path, name):
    return (tmp_path / f"{name}.log").read_text()


def test_two_beats_send_each_periodic_task_once_and_one_takes_over_when_the_other_stops(
    node_environment, tmp_path
):
    """Beat on each of two nodes: one holds the lock in Redis and sends, the
    other stands by; when the sender stops, the other takes over."""
    import redis
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    queue = f"{node_environment['RIAL_TEST_NODES']}-beat"
    broker = redis.Redis.from_url(settings.REDIS_URL)
    # A lock left by an earlier run cut short would hold both beats back.
    broker.delete(LOCK_NAME)
    PeriodicTask.objects.all().delete()
    every_second = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name="tick",
        task="core.tasks.email_requeue_stale",
        interval=every_second,
        queue=queue,
    )
    beat = [sys.executable, "-m", "celery", "-A", "rial_portal", "beat"]
    names = ("beat-a", "beat-b")

    def holding():
        return [name for name in names if "holding the lock" in beat_log(tmp_path, name)]

    try:
        with running([(name, beat, node_environment) for name in names], tmp_path) as processes:
            assert wait_for(lambda: broker.llen(queue) >= 1, timeout=START_SECONDS), [
                beat_log(tmp_path, name) for name in names
            ]
            started = time.monotonic()
            time.sleep(3)
            sent = broker.llen(queue)
            elapsed = time.monotonic() - started
            senders = holding()
            assert len(senders) == 1, [beat_log(tmp_path, name) for name in names]
            (standing_by,) = set(names) - set(senders)
            processes[senders[0]].terminate()
            # It lets the lock go as it stops; had it vanished, the lock would
            # expire after LOCK_SECONDS.
            taken_over = wait_for(
                lambda: standing_by in holding(), timeout=LOCK_SECONDS + STANDBY_SECONDS + 5
            )
            before = broker.llen(queue)
            wait_for(lambda: broker.llen(queue) > before, timeout=10)
            after = broker.llen(queue)
    finally:
        broker.delete(LOCK_NAME)

    # Once a second from one beat: two would have sent about twice as many.
    assert int(elapsed) <= sent <= int(elapsed) + 2, (sent, elapsed)
    assert taken_over, beat_log(tmp_path, standing_by)
    assert after > before
