"""How an issue reads in each content language: its entries, the subject,
the HTML and plain-text bodies, and the headers of each subscriber's copy."""

import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.mail import OutgoingEmail

from .sources import SOURCES, items_with_content


@dataclass(frozen=True)
class RenderedIssue:
    subject: str
    text: str
    html: str


def issue_entries(issue, language):
    """The included items of ``issue`` as readers of ``language`` see them,
    in the issue's order; items whose content is gone are left out."""
    entries = []
    with translation.override(language):
        for item in items_with_content(issue.items.filter(included=True)):
            source = SOURCES.get(item.kind)
            if source is None:  # a kind of item the portal no longer proposes
                continue
            entry = source.entry(item.content if item.object_id else None, language)
            if entry is not None:
                entries.append(entry)
    return entries


def _visible(entries, topic_ids):
    """The positions of the entries a subscriber of ``topic_ids`` (none:
    every topic) reads: items of their topics, and items of no topic."""
    return tuple(
        index
        for index, entry in enumerate(entries)
        if not topic_ids or not entry.topic_ids or entry.topic_ids & topic_ids
    )


def issue_render(issue, *, language, entries, unsubscribe_url):
    context = {
        "issue": issue,
        "language": language,
        "title": issue.title_in(language),
        "introduction": issue.introduction_paragraphs(language),
        "entries": entries,
        "unsubscribe_url": unsubscribe_url,
        "site_url": settings.SITE_URL,
        "date": timezone.localdate(),
    }
    with translation.override(language):
        subject = issue.subject(language)
        context["subject"] = subject
        return RenderedIssue(
            subject=subject,
            text=render_to_string("newsletter/email/issue.txt", context),
            html=render_to_string("newsletter/email/issue.html", context),
        )


def sample_unsubscribe_url():
    """For previews and tests sent to staff who are not subscribers: a link
    that leads to the unsubscribe page's "not valid" message."""
    return settings.SITE_URL + reverse("newsletter:unsubscribe", args=["preview"])


def issue_preview(issue, language):
    return issue_render(
        issue,
        language=language,
        entries=issue_entries(issue, language),
        unsubscribe_url=sample_unsubscribe_url(),
    )


def unsubscribe_headers(unsubscribe_url):
    """List-Unsubscribe with one-click unsubscription (RFC 2369, RFC 8058):
    mail programs show an "unsubscribe" button that POSTs to the link."""
    targets = [f"<{unsubscribe_url}>"]
    if settings.NEWSLETTER_UNSUBSCRIBE_MAILTO:
        targets.append(f"<mailto:{settings.NEWSLETTER_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"RIAL newsletter <newsletter.{host}>",
    }


def issue_emails(issue, recipients):
    """The copies of ``issue`` for ``recipients``, pairs of a subscriber (with
    ``topics`` prefetched) and their absolute unsubscribe link.

    Each version (a language and the items of some topics) is rendered once,
    with a placeholder that each copy replaces by its reader's link: a list of
    thousands then costs a few renders, not thousands."""
    placeholder = f"unsubscribe-link-{uuid.uuid4().hex}"
    entries_by_language = {}
    versions = {}
    for subscriber, unsubscribe_url in recipients:
        language = subscriber.reading_language()
        if language not in entries_by_language:
            entries_by_language[language] = issue_entries(issue, language)
        entries = entries_by_language[language]
        shown = _visible(entries, frozenset(topic.pk for topic in subscriber.topics.all()))
        version = versions.get((language, shown))
        if version is None:
            version = versions[(language, shown)] = issue_render(
                issue,
                language=language,
                entries=[entries[index] for index in shown],
                unsubscribe_url=placeholder,
            )
        yield OutgoingEmail(
            key=issue.delivery_key(subscriber),
            to=subscriber.email,
            subject=version.subject,
            body=version.text.replace(placeholder, unsubscribe_url),
            html_body=version.html.replace(placeholder, escape(unsubscribe_url)),
            headers=unsubscribe_headers(unsubscribe_url),
        )


def issue_test_email(issue, *, to, key, language, unsubscribe_url):
    """A copy of ``issue`` for staff, marked as a test, with every included
    item whatever the topics."""
    rendered = issue_render(
        issue,
        language=language,
        entries=issue_entries(issue, language),
        unsubscribe_url=unsubscribe_url,
    )
    with translation.override(language):
        subject = _("[Test] %(subject)s") % {"subject": rendered.subject}
    return OutgoingEmail(
        key=key,
        to=to,
        subject=subject,
        body=rendered.text,
        html_body=rendered.html,
        headers=unsubscribe_headers(unsubscribe_url),
    )
