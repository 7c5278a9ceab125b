"""The read-only API. Each endpoint reads through the queryset or selector its
public page uses, as a visitor: it can never show more than the pages do."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Min, Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import generics, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from cooperation import statistics
from cooperation.public_filters import ActivityFilter
from core import search, visitor_cache
from fund import selectors as fund_selectors
from fund.forms import PeriodForm
from fund.models import Contribution
from library import selectors as library_selectors
from library.models import LibraryFile, LibraryItem
from meetings import selectors as meeting_selectors
from meetings.enums import DocumentKind
from meetings.filters import DocumentSearchForm
from meetings.models import DocumentFile, Meeting
from network.models import MemberState, Topic
from portfolio import selectors as portfolio_selectors
from portfolio.models import Program

from . import filters, serializers
from .languages import ContentLanguageMixin

# The API answers everyone as the portal answers a visitor who is not signed in.
VISITOR = AnonymousUser()

SLUG = "[-a-zA-Z0-9_]+"


class PublicViewSet(ContentLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Lists and single objects, read-only. Filters apply to lists only: a
    single object is found by its key alone, as its page is."""

    lookup_value_regex = SLUG

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


@extend_schema_view(
    list=extend_schema(
        summary=_("Published programs"),
        description=_(
            "The programs of the Program Portfolio, newest first (or as `sort` says). "
            "Like the portfolio's page, the list leaves out programs their ministry has "
            "not confirmed for a long time unless `unverified` is true."
        ),
    ),
    retrieve=extend_schema(
        summary=_("A published program"),
        description=_("A published program, with its objectives, results and contact."),
    ),
)
class ProgramViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_class = filters.ProgramApiFilter

    def get_queryset(self):
        programs = portfolio_selectors.programs_for_list(Program.objects.published())
        if self.action == "retrieve":
            programs = programs.prefetch_related("indicators")
        return programs

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ProgramDetailSerializer
        return serializers.ProgramSerializer

    def list(self, request, *args, **kwargs):
        # A page of keys; each program's representation is kept per program,
        # language and site address under the content version, as the
        # portfolio's cards are: a page of kept programs loads only keys.
        programs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(programs.prefetch_related(None).values_list("pk", flat=True))
        site = request.build_absolute_uri("/")

        def represent(missing):
            # A program unpublished since its key was read is left out.
            found = self.get_queryset().in_bulk([pk for pk, _site in missing])
            data = self.get_serializer(list(found.values()), many=True).data
            return {(pk, site): item for pk, item in zip(found, data, strict=True)}

        kept = visitor_cache.fragments("api/program", [(pk, site) for pk in page], represent)
        return self.get_paginated_response([kept[(pk, site)] for pk in page if (pk, site) in kept])


@extend_schema_view(
    list=extend_schema(
        summary=_("Public meetings"),
        description=_(
            "Meetings of the IACML process open to the public, in calendar order; "
            "those whose dates are to be defined come last."
        ),
    ),
    retrieve=extend_schema(
        summary=_("A public meeting"),
        description=_(
            "A public meeting; its documents are listed by /api/v1/documents/?meeting=<slug>."
        ),
    ),
)
class MeetingViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_class = filters.MeetingApiFilter
    serializer_class = serializers.MeetingSerializer

    def get_queryset(self):
        meetings = Meeting.objects.visible_to(VISITOR).in_calendar_order()
        return meeting_selectors.meetings_for_list(meetings).prefetch_related("topics")


DOCUMENT_SEARCH = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=_("Words of the symbol or of the title (in any language)."),
    ),
    OpenApiParameter(
        "kind", OpenApiTypes.STR, enum=DocumentKind.values, description=_("Kind of document")
    ),
]


@extend_schema_view(
    list=extend_schema(
        summary=_("Published library items"),
        description=_(
            "The Library's studies, publications, guides, reports and toolkits, newest "
            "first, or the best match first when searching (`q`: words of the identifier, "
            "the title, the abstract or the files' text, in any language)."
        ),
    ),
    retrieve=extend_schema(
        summary=_("A published library item"),
        description=_("A published library item, with a download address per language."),
    ),
)
class LibraryItemViewSet(PublicViewSet):
    lookup_field = "slug"
    filterset_class = filters.LibraryItemApiFilter
    serializer_class = serializers.LibraryItemSerializer

    def get_queryset(self):
        return (
            LibraryItem.objects.published()
            .select_related("owner__member_state")
            .prefetch_related(
                "topics",
                Prefetch("files", queryset=LibraryFile.objects.only("pk", "item_id", "language")),
                *library_selectors.links_visible_to(VISITOR),
            )
            .defer("search_vector")
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Public documents"),
        description=_(
            "Official documents of public meetings, with a download address per "
            "language; the newest first, or the best match first when searching."
        ),
        parameters=DOCUMENT_SEARCH,
    ),
    retrieve=extend_schema(
        summary=_("A public document"),
        description=_("A document of a public meeting, open to everyone."),
    ),
)
class DocumentViewSet(PublicViewSet):
    lookup_value_regex = "[0-9]+"
    filterset_class = filters.DocumentApiFilter
    serializer_class = serializers.DocumentSerializer

    def get_queryset(self):
        if self.action == "list":
            # The documents page's own search: its form, then its selector,
            # bounded in filter_queryset, after the API's own filters.
            return meeting_selectors.document_search(
                user=VISITOR,
                query=self.document_search["q"],
                kind=self.document_search["kind"],
                bounded=False,
            )
        return (
            meeting_selectors.documents_visible_to(VISITOR)
            .select_related("meeting")
            .prefetch_related(Prefetch("files", queryset=DocumentFile.objects.order_by("language")))
        )

    @cached_property
    def document_search(self):
        search = DocumentSearchForm(self.request.query_params)
        if not search.is_valid():
            raise ValidationError(search.errors)
        return search.cleaned_data

    def filter_queryset(self, queryset):
        documents = super().filter_queryset(queryset)
        # A search's bound applies to the documents the filters keep (a
        # meeting's, a year's), as on the program list: a common word's
        # newest matches must not crowd out an older meeting's.
        if self.action == "list" and self.document_search["q"].strip():
            return search.bounded(documents)
        return documents


@extend_schema_view(
    list=extend_schema(
        summary=_("Cooperation activities"),
        description=_(
            "Cooperation between ministries that the Secretariat approved, carried "
            "out or closed, the latest first. Results and the final report are "
            "published once an activity is closed."
        ),
    ),
    retrieve=extend_schema(
        summary=_("A cooperation activity"),
        description=_("An approved, carried out or closed cooperation activity."),
    ),
)
class CooperationActivityViewSet(PublicViewSet):
    lookup_field = "reference"
    lookup_value_regex = "[-A-Za-z0-9]+"
    filterset_class = ActivityFilter
    serializer_class = serializers.CooperationActivitySerializer

    def get_queryset(self):
        return (
            statistics.public_activities()
            .select_related("program", "final_report")
            .defer(*(f"program__{field}" for field in portfolio_selectors.LIST_DEFERRED))
        )


@extend_schema_view(
    list=extend_schema(
        summary=_("Member states"),
        description=_("The OAS member states, by ISO code, each with its Ministry of Labor."),
    ),
    retrieve=extend_schema(
        summary=_("A member state"),
        description=_("A member state, given by its ISO code (either case)."),
    ),
)
class MemberStateViewSet(PublicViewSet):
    lookup_field = "iso_code"
    lookup_value_regex = "[A-Za-z]{2}"
    filterset_class = filters.MemberStateApiFilter
    serializer_class = serializers.MemberStateSerializer
    queryset = MemberState.objects.with_ministry().order_by("iso_code")

    def get_object(self):
        # Either case, as the member state's page takes it.
        self.kwargs["iso_code"] = self.kwargs["iso_code"].upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(
        summary=_("Topics"), description=_("The thematic areas of labor administration.")
    ),
    retrieve=extend_schema(summary=_("A topic"), description=_("A topic, given by its slug.")),
)
class TopicViewSet(PublicViewSet):
    lookup_field = "slug"
    serializer_class = serializers.TopicSerializer
    queryset = Topic.objects.order_by("slug")


class FundStatementView(ContentLanguageMixin, generics.GenericAPIView):
    serializer_class = serializers.FundStatementSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(
        summary=_("The fund's statement"),
        description=_(
            "The Voluntary Contribution Fund's statement, as on its public page: "
            "contributions, expenses, balance, allocations and open pledges, in US dollars."
        ),
        parameters=[
            OpenApiParameter(
                "year",
                OpenApiTypes.INT,
                description=_(
                    "A year from the fund's first record to this one; "
                    "without it, everything since the start."
                ),
            )
        ],
    )
    def get(self, request):
        first = Contribution.objects.effective().aggregate(first=Min("received_on"))["first"]
        period = PeriodForm(request.query_params, first_year=first.year if first else None)
        if not period.is_valid():
            raise ValidationError(period.errors)
        start, end = period.period()
        statement = fund_selectors.statement_of_period(start=start, end=end)
        return Response(self.get_serializer(statement).data)


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our static files (the sidecar), its start-up script
    served by this same view (?script): nothing inline, nothing from a CDN,
    as the Content-Security-Policy requires."""

    template_name = "api/swagger_ui.html"


class NotFoundView(APIView):
    """Any other address under /api/v1/: a 404 in the API's JSON, not the
    site's HTML page."""

    throttle_classes = []

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        raise NotFound
