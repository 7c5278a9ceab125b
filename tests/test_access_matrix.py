"""The access matrix: every named route of the portal, found by walking the URL
resolver, requested by every role, with the status each role must get.

A new route fails ``test_every_route_has_arguments_and_expectations`` until it
is given arguments in ROUTE_ARGS and expectations in EXPECTED: nobody adds a
page without saying who may see it.

The roles: a visitor, a focal point of ministry A (which owns the objects), a
focal point of ministry C (a stranger to them), an approved delegate of the
restricted meeting, Technical Secretariat staff (with their second factor),
and an inactive user (Django treats a deactivated account's session as
anonymous, so it must fare as a visitor does)."""

import copy
import datetime
import importlib
import io
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, clear_url_caches, get_resolver, reverse
from django.utils import timezone
from PIL import Image

from accounts.models import Invitation
from accounts.services import invitation_token
from cooperation.enums import RequestStatus
from cooperation.models import CallDocument, Evidence
from evaluations import links as evaluation_links
from forum import links as forum_links
from forum.enums import ReadAccess, SpaceKind
from forum.models import Attachment, Follow
from library.enums import ItemStatus
from meetings import links as meeting_links
from meetings.enums import RegistrationStatus, Visibility
from meetings.models import NationalReport
from newsletter.enums import NewsStatus
from newsletter.services.subscribers import confirmation_token, unsubscribe_token
from portfolio.enums import ProgramStatus
from portfolio.models import ProgramAttachment
from tests.conftest import sign_in_with_second_factor
from tests.cooperation.factories import CallFactory, NeedFactory, RequestFactory
from tests.evaluations.factories import InvitationFactory, questionnaire_with_questions
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    TopicFactory,
    UserFactory,
    WorkingGroupFactory,
)
from tests.forum.factories import PostFactory, SpaceFactory, ThreadFactory
from tests.fund.factories import ExpenseFactory
from tests.library.factories import LibraryFileFactory, LibraryItemFactory
from tests.meetings.factories import (
    DocumentFactory,
    DocumentFileFactory,
    MeetingFactory,
    RegistrationFactory,
)
from tests.newsletter.factories import NewsItemFactory, SubscriberFactory
from tests.portfolio.factories import ProgramFactory

ROLES = ["visitor", "owner", "stranger", "delegate", "staff", "inactive"]

PDF = b"%PDF-1.4\n%test\n"


def png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# A status, or LOGIN for a redirect to the sign-in page.
LOGIN = "login"


def all_routes():
    """(route name, converter kwarg names) for every named route outside the admin."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((namespace + pattern.name, sorted(pattern.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return found


@pytest.fixture
def world(db, settings, tmp_path):
    """One of each object the routes name, owned by ministry A where a
    ministry owns it, in the states whose access differs; each kind of
    uploaded file among them."""
    settings.MEDIA_ROOT = tmp_path
    ministry_a = InstitutionFactory()
    ministry_b = InstitutionFactory()
    ministry_c = InstitutionFactory()
    owner = FocalPointFactory(institution=ministry_a)
    topic = TopicFactory()
    published = ProgramFactory(owner=ministry_a, topics=[topic])
    draft = ProgramFactory(owner=ministry_a, status=ProgramStatus.DRAFT, published_at=None)
    attachments = {
        program.status: ProgramAttachment.objects.create(
            program=program,
            title="Evaluation",
            file=SimpleUploadedFile("evaluation.pdf", PDF),
            kind="pdf",
            size=len(PDF),
        )
        for program in (published, draft)
    }
    public_meeting = MeetingFactory(national_reports_due=timezone.localdate())
    restricted_meeting = MeetingFactory(visibility=Visibility.DELEGATES)
    # Shown by no route while the meeting is not over; stored all the same.
    restricted_meeting.slides.save("slides.pdf", ContentFile(b"%PDF-1.4\n%slides\n"))
    delegate = UserFactory()
    registration = RegistrationFactory(
        meeting=restricted_meeting,
        email=delegate.email,
        institution=ministry_a,
        status=RegistrationStatus.APPROVED,
    )
    public_file = DocumentFileFactory(document=DocumentFactory(meeting=public_meeting))
    restricted_file = DocumentFileFactory(
        document=DocumentFactory(meeting=public_meeting, visibility=Visibility.DELEGATES)
    )
    report = NationalReport.objects.create(
        meeting=public_meeting,
        member_state=ministry_a.member_state,
        file=SimpleUploadedFile("report.pdf", PDF),
        language="en",
        uploaded_by=owner,
    )
    # A restricted meeting asking for reports, of which the delegate (of
    # another meeting) knows nothing.
    reporting_meeting = MeetingFactory(
        visibility=Visibility.DELEGATES, national_reports_due=timezone.localdate()
    )
    restricted_report = NationalReport.objects.create(
        meeting=reporting_meeting,
        member_state=ministry_a.member_state,
        file=SimpleUploadedFile("restricted-report.pdf", PDF),
        language="en",
        uploaded_by=owner,
    )
    call = CallFactory()
    call_document = CallDocument.objects.create(
        call=call, title="Terms", language="en", file=SimpleUploadedFile("terms.pdf", PDF)
    )
    unopened_call = CallFactory(opens_at=timezone.now() + datetime.timedelta(days=7))
    unopened_call_document = CallDocument.objects.create(
        call=unopened_call,
        title="Draft terms",
        language="en",
        file=SimpleUploadedFile("draft-terms.pdf", PDF),
    )
    need = NeedFactory(institution=ministry_a, topic=topic)
    draft_request = RequestFactory(requester=ministry_a, provider=ministry_b, topic=topic)
    approved_request = RequestFactory(
        requester=ministry_a, provider=ministry_b, topic=topic, status=RequestStatus.APPROVED
    )
    evidence = {
        coop.status: Evidence.objects.create(
            request=coop, title="Attendance", file=SimpleUploadedFile("attendance.pdf", PDF)
        )
        for coop in (draft_request, approved_request)
    }
    published_news = NewsItemFactory(
        institution=ministry_a, image=png("minister.png"), image_description="The minister"
    )
    draft_news = NewsItemFactory(
        institution=ministry_a,
        status=NewsStatus.DRAFT,
        published_at=None,
        image=png("draft.png"),
        image_description="A draft's image",
    )
    expense = ExpenseFactory(document=SimpleUploadedFile("invoice.pdf", PDF))
    subscriber = SubscriberFactory(confirmed_at=None)
    invitation = Invitation.objects.create(
        email="invited@example.org", full_name="Invited Person", institution=ministry_c
    )
    library_items = {
        "published": LibraryItemFactory(owner=ministry_a),
        "draft": LibraryItemFactory(owner=ministry_a, status=ItemStatus.DRAFT, published_at=None),
    }
    for library_item in library_items.values():
        LibraryFileFactory(item=library_item, language="es")
    group_space = SpaceFactory(
        kind=SpaceKind.WORKING_GROUP,
        topic=None,
        working_group=WorkingGroupFactory(),
        read_access=ReadAccess.GROUP,
    )
    group_space.member_institutions.add(ministry_a)
    forum_spaces = {
        "public": SpaceFactory(read_access=ReadAccess.PUBLIC),
        "network": SpaceFactory(read_access=ReadAccess.NETWORK),
        "group": group_space,
        "meeting": SpaceFactory(
            kind=SpaceKind.MEETING,
            topic=None,
            meeting=restricted_meeting,
            read_access=ReadAccess.GROUP,
        ),
    }
    forum_threads = {
        access: PostFactory(thread=ThreadFactory(space=space, author=owner), author=owner).thread
        for access, space in forum_spaces.items()
    }
    forum_attachments = {
        access: Attachment.objects.create(
            post=thread.posts.get(), file=SimpleUploadedFile("minutes.pdf", PDF)
        )
        for access, thread in forum_threads.items()
    }
    forum_follow = Follow.objects.create(user=owner, thread=forum_threads["public"])
    evaluation_invitation = InvitationFactory(questionnaire=questionnaire_with_questions())
    return {
        "evaluation_invitation": evaluation_invitation,
        "forum_attachments": forum_attachments,
        "forum_follow": forum_follow,
        "forum_spaces": forum_spaces,
        "forum_threads": forum_threads,
        "library_items": library_items,
        "ministry_a": ministry_a,
        "ministry_c": ministry_c,
        "owner": owner,
        "delegate": delegate,
        "topic": topic,
        "published": published,
        "draft": draft,
        "attachments": attachments,
        "public_meeting": public_meeting,
        "restricted_meeting": restricted_meeting,
        "registration": registration,
        "public_file": public_file,
        "restricted_file": restricted_file,
        "report": report,
        "reporting_meeting": reporting_meeting,
        "restricted_report": restricted_report,
        "call": call,
        "call_document": call_document,
        "unopened_call": unopened_call,
        "unopened_call_document": unopened_call_document,
        "need": need,
        "draft_request": draft_request,
        "approved_request": approved_request,
        "evidence": evidence,
        "published_news": published_news,
        "expense": expense,
        "draft_news": draft_news,
        "subscriber": subscriber,
        "invitation": invitation,
    }


def _replaced(world, token):
    """A link to the world's registration from before a new one was sent."""
    registration = copy.copy(world["registration"])
    registration.link_nonce = "replaced"
    return token(registration)


def _no_args(world):
    return {}


FORUM_SPACES = ("public", "network", "group", "meeting")

# Route name -> {variant: world -> URL kwargs}. A route whose objects differ in
# access by state (a published and a draft program) has one variant per state.
ROUTE_ARGS = {
    "home": {"": _no_args},
    "health": {"": _no_args},
    "health_live": {"": _no_args},
    "health_ready": {"": _no_args},
    "metrics": {"": _no_args},
    "favicon": {"": _no_args},
    "set_language": {"": _no_args},
    "switch_language": {"": _no_args},
    # Network directory.
    "network:member_state_list": {"": _no_args},
    "network:member_state_detail": {
        "": lambda w: {"iso_code": w["ministry_a"].member_state.iso_code}
    },
    "network:institution_detail": {"": lambda w: {"slug": w["ministry_a"].slug}},
    "network:topic_list": {"": _no_args},
    "network:topic_detail": {"": lambda w: {"slug": w["topic"].slug}},
    "network:about": {"": _no_args},
    # Program portfolio.
    "portfolio:program_list": {"": _no_args},
    "portfolio:program_export": {"": lambda w: {"fmt": "csv"}},
    "portfolio:program_feed_rss": {"": _no_args},
    "portfolio:program_feed_atom": {"": _no_args},
    "portfolio:my_programs": {"": _no_args},
    "portfolio:program_create": {"": _no_args},
    **{
        f"portfolio:{name}": {
            "published": lambda w: {"slug": w["published"].slug},
            "draft": lambda w: {"slug": w["draft"].slug},
        }
        for name in (
            "program_detail",
            "program_edit",
            "program_submit",
            "program_confirm",
            "program_archive",
            "revision_withdraw",
            "attachment_add",
        )
    },
    **{
        f"portfolio:{name}": {
            state: (
                lambda w, state=state: {
                    "slug": w[state].slug,
                    "pk": w["attachments"][w[state].status].pk,
                }
            )
            for state in ("published", "draft")
        }
        for name in ("attachment_download", "attachment_remove")
    },
    # Fund.
    "fund:statement": {"": _no_args},
    "fund:statement_export": {"": lambda w: {"fmt": "csv"}},
    # The records behind a line of the statement: the query string names the
    # line (tests/fund/test_views.py reads real lines as a visitor).
    "fund:statement_line": {"": _no_args},
    "fund:dashboard": {"": _no_args},
    "fund:expense_document": {"": lambda w: {"pk": w["expense"].pk}},
    # Meetings.
    "meetings:meeting_list": {"": _no_args},
    "meetings:meeting_timeline": {"": _no_args},
    "meetings:calendar_feed": {"": _no_args},
    "meetings:document_list": {"": _no_args},
    "meetings:document_download": {
        "public": lambda w: {"pk": w["public_file"].document.pk, "lang": "en"},
        "restricted": lambda w: {"pk": w["restricted_file"].document.pk, "lang": "en"},
    },
    "meetings:delegation": {"": _no_args},
    "meetings:delegation_decide": {"": lambda w: {"pk": w["registration"].pk}},
    "meetings:registration_manage": {
        "current": lambda w: {"token": meeting_links.manage_token(w["registration"])},
        "replaced": lambda w: {"token": _replaced(w, meeting_links.manage_token)},
    },
    "meetings:registration_confirm": {
        "current": lambda w: {"token": meeting_links.confirmation_token(w["registration"])},
        "replaced": lambda w: {"token": _replaced(w, meeting_links.confirmation_token)},
    },
    "meetings:participation_letter": {
        "current": lambda w: {"token": meeting_links.manage_token(w["registration"])},
        "replaced": lambda w: {"token": _replaced(w, meeting_links.manage_token)},
    },
    **{
        f"meetings:{name}": {
            "current": lambda w: {"token": meeting_links.manage_token(w["registration"])},
            "replaced": lambda w: {"token": _replaced(w, meeting_links.manage_token)},
        }
        for name in ("registration_calendar", "registration_slides", "certificate_download")
    },
    "meetings:certificate_verify": {"": _no_args},
    "meetings:registration_link_request": {"": _no_args},
    **{
        f"meetings:{name}": {
            "public": lambda w: {"slug": w["public_meeting"].slug},
            "restricted": lambda w: {"slug": w["restricted_meeting"].slug},
        }
        for name in (
            "meeting_detail",
            "meeting_calendar",
            "meeting_slides",
            "register",
            "registration_sent",
            "delegation_register",
            "check_in",
            "attendance_import",
        )
    },
    **{
        f"meetings:{name}": {
            "public": lambda w: {"slug": w["public_meeting"].slug},
            "restricted": lambda w: {"slug": w["reporting_meeting"].slug},
            "no reports": lambda w: {"slug": w["restricted_meeting"].slug},
        }
        for name in ("national_report_upload", "national_reports_status")
    },
    "meetings:national_report_download": {
        "public": lambda w: {"slug": w["public_meeting"].slug, "pk": w["report"].pk},
        "restricted": lambda w: {
            "slug": w["reporting_meeting"].slug,
            "pk": w["restricted_report"].pk,
        },
    },
    # Cooperation.
    "cooperation:activity_list": {"": _no_args},
    "cooperation:statistics": {"": _no_args},
    "cooperation:call_list": {"": _no_args},
    "cooperation:call_detail": {"": lambda w: {"slug": w["call"].slug}},
    "cooperation:call_document": {
        "open": lambda w: {"slug": w["call"].slug, "pk": w["call_document"].pk},
        "unopened": lambda w: {
            "slug": w["unopened_call"].slug,
            "pk": w["unopened_call_document"].pk,
        },
    },
    "cooperation:my_cooperation": {"": _no_args},
    "cooperation:need_list": {"": _no_args},
    "cooperation:need_create": {"": _no_args},
    **{
        f"cooperation:{name}": {"": lambda w: {"pk": w["need"].pk}}
        for name in ("need_detail", "need_edit", "need_withdraw")
    },
    "cooperation:program_needs": {"": lambda w: {"slug": w["published"].slug}},
    "cooperation:request_create": {"": _no_args},
    **{
        f"cooperation:{name}": {
            "draft": lambda w: {"reference": w["draft_request"].reference},
            "approved": lambda w: {"reference": w["approved_request"].reference},
        }
        for name in (
            "request_detail",
            "request_edit",
            "request_submit",
            "request_withdraw",
            "request_accept",
            "request_decline",
            "request_carried_out",
            "request_report",
            "request_follow_up",
        )
    },
    "cooperation:evidence_download": {
        state: (
            lambda w, state=state: {
                "reference": w[f"{state}_request"].reference,
                "pk": w["evidence"][w[f"{state}_request"].status].pk,
            }
        )
        for state in ("draft", "approved")
    },
    # News and newsletter.
    "newsletter:news_list": {"": _no_args},
    "newsletter:news_feed_rss": {"": _no_args},
    "newsletter:news_feed_atom": {"": _no_args},
    "newsletter:my_news": {"": _no_args},
    "newsletter:news_create": {"": _no_args},
    **{
        f"newsletter:{name}": {
            "published": lambda w: {"slug": w["published_news"].slug},
            "draft": lambda w: {"slug": w["draft_news"].slug},
        }
        for name in ("news_detail", "news_image", "news_edit", "news_submit")
    },
    "newsletter:subscribe": {"": _no_args},
    "newsletter:subscribe_sent": {"": _no_args},
    "newsletter:confirm": {"": lambda w: {"token": confirmation_token(w["subscriber"])}},
    "newsletter:unsubscribe": {"": lambda w: {"token": unsubscribe_token(w["subscriber"])}},
    "newsletter:my_subscription": {"": _no_args},
    # Search (what it finds for each role: tests/search/test_search.py).
    "search:search": {"": _no_args},
    # Open data: what a visitor reads, for everyone (tests/opendata checks the files' rows).
    "opendata:index": {"": _no_args},
    "opendata:datapackage": {"": _no_args},
    "opendata:catalog": {"": _no_args},
    "opendata:dataset_schema": {"": lambda w: {"slug": "programs"}},
    "opendata:dataset_file": {
        fmt: (lambda w, fmt=fmt: {"slug": "programs", "fmt": fmt}) for fmt in ("csv", "json")
    },
    # API for partners: anonymous for everyone, so each role sees what a visitor sees.
    "api:api-root": {"": _no_args},
    "api:schema": {"": _no_args},
    "api:docs": {"": _no_args},
    "api:fund-statement": {"": _no_args},
    **{
        f"api:{name}-list": {"": _no_args}
        for name in (
            "program",
            "meeting",
            "document",
            "cooperation-activity",
            "member-state",
            "topic",
            "library-item",
        )
    },
    "api:program-detail": {
        "published": lambda w: {"slug": w["published"].slug},
        "draft": lambda w: {"slug": w["draft"].slug},
    },
    "api:library-item-detail": {
        state: (lambda w, state=state: {"slug": w["library_items"][state].slug})
        for state in ("published", "draft")
    },
    "api:meeting-detail": {
        "public": lambda w: {"slug": w["public_meeting"].slug},
        "restricted": lambda w: {"slug": w["restricted_meeting"].slug},
    },
    "api:document-detail": {
        "public": lambda w: {"pk": w["public_file"].document.pk},
        "restricted": lambda w: {"pk": w["restricted_file"].document.pk},
    },
    "api:cooperation-activity-detail": {
        "draft": lambda w: {"reference": w["draft_request"].reference},
        "approved": lambda w: {"reference": w["approved_request"].reference},
    },
    "api:member-state-detail": {"": lambda w: {"iso_code": w["ministry_a"].member_state.iso_code}},
    "api:topic-detail": {"": lambda w: {"slug": w["topic"].slug}},
    # Accounts.
    "login": {"": _no_args},
    "logout": {"": _no_args},
    "password_change": {"": _no_args},
    "password_change_done": {"": _no_args},
    "password_reset": {"": _no_args},
    "password_reset_done": {"": _no_args},
    # Library.
    "library:item_list": {"": _no_args},
    "library:item_feed_rss": {"": _no_args},
    "library:item_feed_atom": {"": _no_args},
    **{
        f"library:{name}": {
            state: (lambda w, state=state: {"slug": w["library_items"][state].slug})
            for state in ("published", "draft")
        }
        for name in ("item_detail", "item_bibtex")
    },
    "library:my_items": {"": _no_args},
    "library:item_create": {"": _no_args},
    **{
        f"library:{name}": {
            state: (lambda w, state=state: {"slug": w["library_items"][state].slug})
            for state in ("published", "draft")
        }
        for name in ("item_edit", "item_submit", "file_add")
    },
    **{
        f"library:{name}": {
            state: (
                lambda w, state=state: {"slug": w["library_items"][state].slug, "language": "es"}
            )
            for state in ("published", "draft")
        }
        for name in ("file_download", "file_remove")
    },
    # Evaluations: the participant's link, and one that does not work.
    "evaluations:answer": {
        "current": lambda w: {"token": evaluation_links.answer_token(w["evaluation_invitation"])},
        "broken": lambda w: {"token": "not-a-link"},
    },
    # Forum: a space of each reach (the group: ministry A's working group; the
    # meeting: the restricted meeting's delegates).
    "forum:space_list": {"": _no_args},
    **{
        f"forum:{name}": {
            access: (lambda w, access=access: {"slug": w["forum_spaces"][access].slug})
            for access in FORUM_SPACES
        }
        for name in ("space_detail", "thread_create", "space_follow")
    },
    **{
        f"forum:{name}": {
            access: (
                lambda w, access=access: {
                    "slug": w["forum_spaces"][access].slug,
                    "pk": w["forum_threads"][access].pk,
                }
            )
            for access in FORUM_SPACES
        }
        for name in ("thread_detail", "thread_reply", "thread_follow")
    },
    "forum:unfollow": {"": lambda w: {"token": forum_links.unfollow_token(w["forum_follow"])}},
    "forum:thread_ask": {"": _no_args},
    "forum:attachment_download": {
        access: (
            lambda w, access=access: {
                "pk": w["forum_attachments"][access].post_id,
                "number": w["forum_attachments"][access].pk,
            }
        )
        for access in FORUM_SPACES
    },
    **{
        f"forum:{name}": {
            access: (lambda w, access=access: {"pk": w["forum_threads"][access].posts.get().pk})
            for access in FORUM_SPACES
        }
        for name in ("post_edit", "post_report")
    },
    # An invalid link: the page must say so, whoever follows it.
    "password_reset_confirm": {"": lambda w: {"uidb64": "MQ", "token": "set-password"}},
    "password_reset_complete": {"": _no_args},
    "accounts:login_verify": {"": _no_args},
    "accounts:invitation_accept": {"": lambda w: {"token": invitation_token(w["invitation"])}},
    "accounts:dashboard": {"": _no_args},
    "accounts:profile": {"": _no_args},
    "accounts:personal_data": {"": _no_args},
    "accounts:erasure_request": {"": _no_args},
    "accounts:two_factor_setup": {"": _no_args},
    "accounts:recovery_codes_renew": {"": _no_args},
    "accounts:two_factor_disable": {"": _no_args},
}


# Route name -> the status each role gets on GET, in the order visitor, owner
# (focal point of ministry A), stranger (focal point of ministry C), delegate,
# staff; "L" is a redirect to the sign-in page. The inactive user must always
# fare as the visitor does. A dict gives one row per variant of ROUTE_ARGS.
EXPECTED = {
    "home": "200 200 200 200 200",
    "network:member_state_list": "200 200 200 200 200",
    "network:member_state_detail": "200 200 200 200 200",
    "network:institution_detail": "200 200 200 200 200",
    "network:topic_list": "200 200 200 200 200",
    "network:topic_detail": "200 200 200 200 200",
    "network:about": "200 200 200 200 200",
    "portfolio:program_list": "200 200 200 200 200",
    "portfolio:program_export": "403 403 403 403 200",
    "portfolio:program_feed_rss": "200 200 200 200 200",
    "portfolio:program_feed_atom": "200 200 200 200 200",
    "portfolio:my_programs": "L 200 200 403 403",
    "portfolio:program_create": "L 200 200 403 403",
    "portfolio:program_detail": {
        "published": "200 200 200 200 200",
        "draft": "404 200 404 404 200",
    },
    "portfolio:program_edit": {"published": "L 200 404 404 200", "draft": "L 200 404 404 200"},
    "portfolio:program_submit": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "portfolio:program_confirm": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "portfolio:program_archive": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "portfolio:revision_withdraw": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "portfolio:attachment_add": {"published": "L 200 404 404 200", "draft": "L 200 404 404 200"},
    "portfolio:attachment_download": {
        "published": "200 200 200 200 200",
        "draft": "404 200 404 404 200",
    },
    "portfolio:attachment_remove": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "library:item_list": "200 200 200 200 200",
    "library:item_feed_rss": "200 200 200 200 200",
    "library:item_feed_atom": "200 200 200 200 200",
    **{
        f"library:{name}": {"published": "200 200 200 200 200", "draft": "404 200 404 404 200"}
        for name in ("item_detail", "item_bibtex", "file_download")
    },
    "library:my_items": "L 200 200 403 403",
    "library:item_create": "L 200 200 403 403",
    # A published item is the Secretariat's to change, in the admin: its
    # ministry is sent back to its page with a message.
    "library:item_edit": {"published": "L 302 404 404 302", "draft": "L 200 404 404 200"},
    "library:file_add": {"published": "L 302 404 404 302", "draft": "L 200 404 404 200"},
    **{
        f"library:{name}": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"}
        for name in ("item_submit", "file_remove")
    },
    "forum:space_list": "200 200 200 200 200",
    # The link is the credential, whoever follows it; the page acts on a POST only.
    "evaluations:answer": {"current": "200 200 200 200 200", "broken": "400 400 400 400 400"},
    **{
        f"forum:{name}": {
            "public": "200 200 200 200 200",
            "network": "404 200 200 404 200",
            "group": "404 200 404 404 200",
            "meeting": "404 404 404 200 200",
        }
        for name in ("space_detail", "thread_detail", "attachment_download")
    },
    "forum:thread_create": {
        "public": "L 200 200 403 200",
        "network": "404 200 200 404 200",
        "group": "404 200 404 404 200",
        "meeting": "404 404 404 200 200",
    },
    "forum:thread_reply": dict.fromkeys(FORUM_SPACES, "405 405 405 405 405"),
    **{
        f"forum:{name}": dict.fromkeys(FORUM_SPACES, "L 405 405 405 405")
        for name in ("space_follow", "thread_follow")
    },
    "forum:unfollow": "200 200 200 200 200",
    # Without the space chosen on a need's page, there is nowhere to go.
    "forum:thread_ask": "L 404 404 404 404",
    # Its author, for a while; nobody else, not even the Secretariat (who hides).
    "forum:post_edit": {
        "public": "L 200 403 403 403",
        "network": "L 200 403 404 403",
        "group": "L 200 404 404 403",
        "meeting": "L 404 404 403 403",
    },
    # Anyone signed in who reads it, but its author.
    "forum:post_report": {
        "public": "L 403 200 200 200",
        "network": "L 403 200 404 200",
        "group": "L 403 404 404 200",
        "meeting": "L 404 404 200 200",
    },
    "fund:statement": "200 200 200 200 200",
    "fund:statement_export": "200 200 200 200 200",
    "fund:statement_line": "404 404 404 404 404",
    "fund:dashboard": "L L L L 200",
    "fund:expense_document": "L L L L 200",
    "meetings:meeting_list": "200 200 200 200 200",
    "meetings:meeting_timeline": "200 200 200 200 200",
    "meetings:calendar_feed": "200 200 200 200 200",
    "meetings:document_list": "200 200 200 200 200",
    "meetings:document_download": {
        "public": "200 200 200 200 200",
        "restricted": "403 200 200 403 200",
    },
    "meetings:delegation": "L 200 200 403 403",
    "meetings:delegation_decide": "L 405 405 405 405",
    "meetings:registration_manage": {
        "current": "200 200 200 200 200",
        "replaced": "410 410 410 410 410",
    },
    "meetings:registration_confirm": {
        "current": "302 302 302 302 302",
        "replaced": "410 410 410 410 410",
    },
    "meetings:participation_letter": {
        "current": "200 200 200 200 200",
        "replaced": "410 410 410 410 410",
    },
    "meetings:registration_calendar": {
        "current": "200 200 200 200 200",
        "replaced": "410 410 410 410 410",
    },
    # The world's meeting is not over and nobody attended it: no slides, no
    # certificate, for anyone (tests/meetings/test_materials.py and
    # test_certificates.py cover them once it is).
    **{
        f"meetings:{name}": {"current": "404 404 404 404 404", "replaced": "410 410 410 410 410"}
        for name in ("registration_slides", "certificate_download")
    },
    "meetings:meeting_slides": {
        "public": "404 404 404 404 404",
        "restricted": "404 404 404 404 404",
    },
    "meetings:certificate_verify": "200 200 200 200 200",
    "meetings:registration_link_request": "200 200 200 200 200",
    "meetings:register": {"public": "200 200 200 200 200", "restricted": "404 200 200 200 200"},
    "meetings:registration_sent": {
        "public": "200 200 200 200 200",
        "restricted": "404 200 200 200 200",
    },
    "meetings:delegation_register": {
        "public": "L 200 200 403 403",
        "restricted": "L 200 200 403 403",
    },
    "meetings:meeting_detail": {
        "public": "200 200 200 200 200",
        "restricted": "404 200 200 200 200",
    },
    "meetings:meeting_calendar": {
        "public": "200 200 200 200 200",
        "restricted": "404 200 200 200 200",
    },
    # The door's staff only; the QR code on a badge leads here.
    "meetings:check_in": {
        "public": "L 403 403 403 200",
        "restricted": "L 403 403 403 200",
    },
    "meetings:attendance_import": {
        "public": "L 403 403 403 200",
        "restricted": "L 403 403 403 200",
    },
    # A delegate may not learn that a restricted meeting (or its reports) exists.
    "meetings:national_report_upload": {
        "public": "L 200 200 403 403",
        "restricted": "L 200 200 404 403",
        "no reports": "L 404 404 404 404",
    },
    "meetings:national_reports_status": {
        "public": "L 403 403 403 200",
        "restricted": "L 403 403 404 200",
        "no reports": "L 404 404 404 404",
    },
    # Listed only to those who may read them: nobody else learns one exists.
    "meetings:national_report_download": {
        "public": "L 200 200 404 200",
        "restricted": "L 200 200 404 200",
    },
    "cooperation:activity_list": "200 200 200 200 200",
    "cooperation:statistics": "200 200 200 200 200",
    "cooperation:call_list": "200 200 200 200 200",
    "cooperation:call_detail": "200 200 200 200 200",
    "cooperation:call_document": {"open": "200 200 200 200 200", "unopened": "404 404 404 404 200"},
    "cooperation:my_cooperation": "L 200 200 403 403",
    "cooperation:need_list": "200 200 200 200 200",
    "cooperation:need_create": "L 200 200 403 403",
    "cooperation:need_detail": "404 200 200 404 200",
    "cooperation:need_edit": "404 200 404 404 404",
    "cooperation:need_withdraw": "405 405 405 405 405",
    "cooperation:program_needs": "200 200 200 200 200",
    "cooperation:request_create": "L 200 200 403 403",
    "cooperation:request_detail": {
        "draft": "404 200 404 404 200",
        "approved": "200 200 200 200 200",
    },
    "cooperation:request_edit": {"draft": "404 200 404 404 403", "approved": "403 302 403 403 403"},
    "cooperation:request_submit": {
        "draft": "404 405 404 404 403",
        "approved": "403 405 403 403 403",
    },
    "cooperation:request_withdraw": {
        "draft": "404 405 404 404 403",
        "approved": "403 405 403 403 403",
    },
    "cooperation:request_accept": {
        "draft": "404 403 404 404 403",
        "approved": "403 403 403 403 403",
    },
    "cooperation:request_decline": {
        "draft": "404 403 404 404 403",
        "approved": "403 403 403 403 403",
    },
    "cooperation:request_carried_out": {
        "draft": "404 405 404 404 405",
        "approved": "403 405 403 403 405",
    },
    "cooperation:request_report": {
        "draft": "404 302 404 404 403",
        "approved": "403 302 403 403 403",
    },
    "cooperation:request_follow_up": {
        "draft": "404 302 404 404 403",
        "approved": "403 302 403 403 403",
    },
    "cooperation:evidence_download": {
        "draft": "404 200 404 404 200",
        "approved": "404 200 404 404 200",
    },
    "newsletter:news_list": "200 200 200 200 200",
    "newsletter:news_feed_rss": "200 200 200 200 200",
    "newsletter:news_feed_atom": "200 200 200 200 200",
    "newsletter:my_news": "L 200 200 403 403",
    "newsletter:news_create": "L 200 200 403 403",
    "newsletter:news_detail": {"published": "200 200 200 200 200", "draft": "404 200 404 404 200"},
    "newsletter:news_image": {"published": "200 200 200 200 200", "draft": "404 200 404 404 200"},
    "newsletter:news_edit": {"published": "L 200 404 404 200", "draft": "L 200 404 404 200"},
    "newsletter:news_submit": {"published": "L 405 405 405 405", "draft": "L 405 405 405 405"},
    "newsletter:subscribe": "200 200 200 200 200",
    "newsletter:subscribe_sent": "200 200 200 200 200",
    "newsletter:confirm": "200 200 200 200 200",
    "newsletter:unsubscribe": "200 200 200 200 200",
    "newsletter:my_subscription": "L 200 200 200 200",
    "search:search": "200 200 200 200 200",
    "opendata:index": "200 200 200 200 200",
    "opendata:datapackage": "200 200 200 200 200",
    "opendata:catalog": "200 200 200 200 200",
    "opendata:dataset_schema": "200 200 200 200 200",
    "opendata:dataset_file": {"csv": "200 200 200 200 200", "json": "200 200 200 200 200"},
    **{
        f"api:{name}": "200 200 200 200 200"
        for name in (
            "api-root",
            "schema",
            "docs",
            "fund-statement",
            "program-list",
            "meeting-list",
            "document-list",
            "cooperation-activity-list",
            "member-state-list",
            "member-state-detail",
            "topic-list",
            "topic-detail",
            "library-item-list",
        )
    },
    # Unpublished and restricted objects are 404 even for those whose pages show them.
    "api:program-detail": {"published": "200 200 200 200 200", "draft": "404 404 404 404 404"},
    "api:library-item-detail": {
        "published": "200 200 200 200 200",
        "draft": "404 404 404 404 404",
    },
    "api:meeting-detail": {"public": "200 200 200 200 200", "restricted": "404 404 404 404 404"},
    "api:document-detail": {"public": "200 200 200 200 200", "restricted": "404 404 404 404 404"},
    "api:cooperation-activity-detail": {
        "draft": "404 404 404 404 404",
        "approved": "200 200 200 200 200",
    },
    "login": "200 302 302 302 302",
    "logout": "405 405 405 405 405",
    "password_change": "L 200 200 200 200",
    "password_change_done": "L 200 200 200 200",
    "password_reset": "200 200 200 200 200",
    "password_reset_done": "200 200 200 200 200",
    "password_reset_confirm": "200 200 200 200 200",
    "password_reset_complete": "200 200 200 200 200",
    "accounts:login_verify": "L L L L L",
    "accounts:invitation_accept": "200 200 200 200 200",
    "accounts:dashboard": "L 200 200 200 200",
    "accounts:profile": "L 200 200 200 200",
    "accounts:personal_data": "L 200 200 200 200",
    "accounts:erasure_request": "L 200 200 200 200",
    "accounts:two_factor_setup": "L 200 200 200 200",
    "accounts:recovery_codes_renew": "L 405 405 405 405",
    "accounts:two_factor_disable": "L 405 405 405 405",
    "set_language": "302 302 302 302 302",
    # A cookie and a redirect back: nothing else changes.
    "switch_language": "302 302 302 302 302",
    "health": "200 200 200 200 200",
    "health_live": "200 200 200 200 200",
    "health_ready": "200 200 200 200 200",
    # Staff, and the monitoring network's addresses (METRICS_ALLOWED_IPS, none here).
    "metrics": "403 403 403 403 200",
    # To the icon among the static files, for everyone.
    "favicon": "302 302 302 302 302",
}

# Ministry A's objects that nobody outside it may read or change: the IDOR
# check. (Needs, national reports and restricted meetings are shared with every
# focal point of the network by design, so they are not here.)
PRIVATE_TO_A = [
    *[
        (f"portfolio:{name}", variant)
        for name in (
            "program_edit",
            "program_submit",
            "program_confirm",
            "program_archive",
            "revision_withdraw",
            "attachment_add",
            "attachment_remove",
        )
        for variant in ("published", "draft")
    ],
    ("portfolio:program_detail", "draft"),
    ("portfolio:attachment_download", "draft"),
    *[(f"library:{name}", "draft") for name in ("item_detail", "item_bibtex", "file_download")],
    *[
        (f"library:{name}", variant)
        for name in ("item_edit", "item_submit", "file_add", "file_remove")
        for variant in ("published", "draft")
    ],
    ("meetings:delegation_decide", ""),
    ("cooperation:need_edit", ""),
    ("cooperation:need_withdraw", ""),
    *[
        (f"cooperation:{name}", variant)
        for name in (
            "request_edit",
            "request_submit",
            "request_withdraw",
            "request_carried_out",
            "request_report",
            "request_follow_up",
            "evidence_download",
        )
        for variant in ("draft", "approved")
    ],
    ("cooperation:request_detail", "draft"),
    *[
        (f"newsletter:{name}", variant)
        for name in ("news_edit", "news_submit")
        for variant in ("published", "draft")
    ],
    ("newsletter:news_detail", "draft"),
    ("newsletter:news_image", "draft"),
    *[
        (f"forum:{name}", "group")
        for name in (
            "space_detail",
            "thread_create",
            "thread_detail",
            "thread_reply",
            "attachment_download",
        )
    ],
    *[("forum:post_edit", access) for access in FORUM_SPACES],
]

# Routes that may change something for a visitor: forms anyone may fill and
# links whose signed token is the credential.
PUBLIC_WRITES = {
    "set_language",
    "login",
    "logout",
    "password_reset",
    "password_reset_confirm",
    "meetings:register",
    "meetings:registration_manage",
    "meetings:registration_confirm",
    "newsletter:subscribe",
    "newsletter:confirm",
    "newsletter:unsubscribe",
    "accounts:invitation_accept",
    "forum:unfollow",
    "evaluations:answer",
}


def expected_row(name, variant):
    rows = EXPECTED[name]
    row = rows if isinstance(rows, str) else rows[variant]
    codes = [LOGIN if code == "L" else int(code) for code in row.split()]
    return dict(zip(ROLES, [*codes, codes[0]], strict=True))


def route_urls(world):
    for name, _ in all_routes():
        for variant, kwargs in ROUTE_ARGS[name].items():
            yield name, variant, reverse(name, kwargs=kwargs(world))


@pytest.fixture
def users(world):
    inactive = FocalPointFactory(institution=world["ministry_a"])
    inactive.is_active = False
    inactive.save()
    return {
        "visitor": None,
        "owner": world["owner"],
        "stranger": FocalPointFactory(institution=world["ministry_c"]),
        "delegate": world["delegate"],
        "inactive": inactive,
    }


def sign_in(client, role, users):
    if role == "staff":
        sign_in_with_second_factor(client, SecretariatStaffFactory())
    elif users[role] is not None:
        client.force_login(users[role])
    return client


def outcome(response):
    sign_in_pages = (resolve_url(settings.LOGIN_URL), reverse("admin:login"))
    if response.status_code == 302 and urlsplit(response["Location"]).path in sign_in_pages:
        return LOGIN
    return response.status_code


def row_counts():
    return {model: model.objects.count() for model in apps.get_models()}


# Rows a GET may write without changing anything a person did: the session
# a page opens for its CSRF token.
# Sessions, and the library's download tally: a number a download adds one
# to, nothing about who, and no state any step reads.
NOT_STATE = {"sessions.Session", "library.DownloadCount"}


def all_rows():
    """Every row of every table: what a GET must leave as it was."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list())
        for model in apps.get_models()
        if model._meta.managed and model._meta.label not in NOT_STATE
    }


def test_no_stranger_reads_ministry_a_private_objects():
    """The IDOR rule, stated on the table: the focal point of ministry C
    never gets a 200 for what belongs to ministry A alone."""
    for name, variant in PRIVATE_TO_A:
        assert expected_row(name, variant)["stranger"] in (403, 404, 405), (name, variant)


def test_every_route_has_arguments_and_expectations():
    routes = all_routes()
    missing = [name for name, _ in routes if name not in ROUTE_ARGS]
    assert not missing, f"Add these routes to ROUTE_ARGS and EXPECTED: {missing}"
    for name, _ in routes:
        variants = EXPECTED.get(name)
        assert variants is not None, f"Add {name} to EXPECTED: who may open it?"
        if isinstance(variants, dict):
            assert variants.keys() == ROUTE_ARGS[name].keys(), name
    stale = set(ROUTE_ARGS) - {name for name, _ in routes}
    assert not stale, f"These routes no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("role", ROLES)
def test_get_every_route(role, client, world, users):
    sign_in(client, role, users)
    wrong = []
    for name, variant, url in route_urls(world):
        response = client.get(url)
        expected = expected_row(name, variant)[role]
        if outcome(response) != expected:
            wrong.append(f"{name} [{variant}] {url}: {outcome(response)}, expected {expected}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


def test_a_get_of_any_route_changes_nothing(client, world):
    """What a mail scanner or a link preview does to every link in an email:
    a GET with no cookie. No route acts on it; only its page's button does."""
    changed = []
    for name, variant, url in route_urls(world):
        before = all_rows()
        client.get(url)
        after = all_rows()
        if after != before:
            tables = [label for label, rows in after.items() if rows != before[label]]
            changed.append(f"{name} [{variant}] {url}: {tables}")
    assert not changed, "\n".join(changed)


@pytest.mark.parametrize("role", ["visitor", "stranger"])
def test_post_changes_nothing_it_should_not(role, client, world, users):
    """An empty POST to every route: never a 500; and outside the public
    forms, nothing saved. The stranger cannot act on ministry A's objects."""
    sign_in(client, role, users)
    private = set(PRIVATE_TO_A)
    wrong = []
    for name, variant, url in route_urls(world):
        if name in PUBLIC_WRITES:
            response = client.post(url)
            assert response.status_code < 500, url
            continue
        before = row_counts()
        response = client.post(url)
        status = outcome(response)
        if status == 500 or row_counts() != before:
            wrong.append(f"{name} [{variant}] {url}: {status}, rows changed")
        elif role == "stranger" and (name, variant) in private and status not in (403, 404, 405):
            wrong.append(f"{name} [{variant}] {url}: {status}, expected 403, 404 or 405")
        elif role == "visitor" and status not in (LOGIN, 200, 400, 403, 404, 405):
            wrong.append(f"{name} [{variant}] {url}: {status}")
    assert not wrong, f"{role}:\n" + "\n".join(wrong)


def stored_files(field_names):
    """The stored name of every uploaded file in the database, by field."""
    return {
        name: list(
            field.model.objects.exclude(**{field.name: ""}).values_list(field.name, flat=True)
        )
        for name, field in field_names.items()
    }


def file_fields():
    return {
        f"{model._meta.label}.{field.name}": field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    }


def reload_urlconf():
    clear_url_caches()
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture(params=[False, True], ids=["debug-off", "debug-on"])
def debug(request, world):
    """The root URLs as they are built with DEBUG off, then on (as ``make run``
    runs), rebuilt as they were afterwards. After the world: they are built
    with its MEDIA_ROOT."""
    with override_settings(DEBUG=request.param):
        reload_urlconf()
        yield request.param
    reload_urlconf()


def test_no_uploaded_file_is_served_from_the_media_folder(world, debug, users):
    """Whoever asks, signed in or not, /media/<stored name> is a 404: files
    leave storage only through the views that check who may read them."""
    files = stored_files(file_fields())
    assert all(files.values()), f"Give the world a file of each field: {files}"
    wrong = []
    for role in ROLES:
        client = sign_in(Client(), role, users)
        for name in (name for names in files.values() for name in names):
            url = f"{settings.MEDIA_URL}{name}"
            if client.get(url).status_code != 404:
                wrong.append(f"{role}: {url}")
    assert not wrong, wrong
