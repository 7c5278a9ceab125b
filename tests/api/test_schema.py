"""The OpenAPI schema validates without a warning, documents every operation,
and its docs page works offline under the Content-Security-Policy."""

import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings(tmp_path):
    """As `manage.py spectacular --validate --fail-on-warn`: any warning fails."""
    path = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))

    assert "/api/v1/programs/{slug}/:" in path.read_text()


def test_every_operation_is_documented(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()

    operations = [
        (path, operation)
        for path, methods in schema["paths"].items()
        for operation in methods.values()
    ]
    assert {path for path, _ in operations} == {
        "/api/v1/programs/",
        "/api/v1/programs/{slug}/",
        "/api/v1/meetings/",
        "/api/v1/meetings/{slug}/",
        "/api/v1/documents/",
        "/api/v1/documents/{id}/",
        "/api/v1/library/",
        "/api/v1/library/{slug}/",
        "/api/v1/cooperation/activities/",
        "/api/v1/cooperation/activities/{reference}/",
        "/api/v1/fund/statement/",
        "/api/v1/member-states/",
        "/api/v1/member-states/{iso_code}/",
        "/api/v1/topics/",
        "/api/v1/topics/{slug}/",
    }
    for path, operation in operations:
        assert operation["summary"], path
        assert operation["description"], path
        for parameter in operation["parameters"]:
            if parameter["in"] == "query":
                assert parameter.get("description"), (path, parameter["name"])


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_docs_page_loads_only_our_own_files_and_no_inline_code(client):
    response = client.get(reverse("api:docs"))

    assert response.status_code == 200
    html = response.content.decode()
    parser = Tags()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assets = [attrs["src"] for attrs in scripts] + [
        attrs["href"] for tag, attrs in parser.tags if tag == "link"
    ]
    assert len(scripts) == 3
    assert all(attrs.get("src") for attrs in scripts), "an inline script"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert all(url.startswith(("/static/", "/api/v1/docs/")) for url in assets), assets
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe" not in policy


def test_docs_start_up_script_points_at_the_schema(client):
    response = client.get(reverse("api:docs"), {"script": ""})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()
    assert reverse("api:schema") in response.content.decode()
