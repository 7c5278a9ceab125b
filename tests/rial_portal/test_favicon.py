"""The portal's icon: linked from every page, and at /favicon.ico, which
browsers ask for whatever a page links."""

import re

import pytest
from django.urls import reverse

ICO_HEADER = b"\x00\x00\x01\x00"


def static_file(root, url):
    return root / url.removeprefix("/static/")


def test_favicon_ico_sends_to_the_icon_among_the_static_files(client, collected_static_files):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    location = response["Location"]
    assert re.fullmatch(r"/static/img/favicon\.[0-9a-f]{12}\.ico", location)
    assert static_file(collected_static_files, location).read_bytes().startswith(ICO_HEADER)
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.django_db
def test_every_page_links_the_icon_from_the_static_files(client, collected_static_files):
    html = client.get(reverse("home")).content.decode()

    icons = re.findall(r'<link rel="icon" href="([^"]+)"', html)
    assert len(icons) == 2
    assert any(icon.endswith(".svg") for icon in icons)
    for icon in icons:
        assert static_file(collected_static_files, icon).is_file()
