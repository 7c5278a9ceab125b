"""What the API shows of each published object: the fields its public page
shows, no more (no contact a page hides, no online link, no budget)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation.enums import PUBLIC_STATUSES
from cooperation.models import ExpectedResult, FinalReport, Request
from library.models import LibraryItem
from meetings.models import Document, Meeting
from network.models import Institution, MemberState, Topic, WorkingGroup
from portfolio.models import Program, ProgramIndicator, TargetGroup

from .languages import CONTENT_LANGUAGE_CODES, served_language

# Money is a string of a decimal with two places, in US dollars: never a float.
MONEY = {"max_digits": 16, "decimal_places": 2, "coerce_to_string": True}


@extend_schema_field(
    {
        "type": "string",
        "enum": CONTENT_LANGUAGE_CODES,
        "nullable": True,
        "description": _("The language of the text beside this field (null when there is none)."),
    }
)
class ServedLanguageField(serializers.Field):
    """The language of a translated field as served: the one asked for, or
    the fallback that had a text."""

    def __init__(self, field, **kwargs):
        self.translated_field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return served_language(instance, self.translated_field)


@extend_schema_field(OpenApiTypes.URI)
class WebPageField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("The object's page on the portal."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


def absolute(serializer, url):
    return serializer.context["request"].build_absolute_uri(url)


# The directory -----------------------------------------------------------------


class MemberStateRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = MemberState
        fields = ["iso_code", "name"]


class InstitutionRefSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(
        source="__str__",
        read_only=True,
        help_text=_("The name with its member state, as the portal shows it."),
    )
    member_state = MemberStateRefSerializer(read_only=True, allow_null=True)
    web_url = WebPageField()

    class Meta:
        model = Institution
        fields = ["slug", "name", "display_name", "acronym", "member_state", "web_url"]


class TopicRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class TopicSerializer(serializers.ModelSerializer):
    name_language = ServedLanguageField("name")
    description_language = ServedLanguageField("description")
    web_url = WebPageField()

    class Meta:
        model = Topic
        fields = ["slug", "name", "name_language", "description", "description_language", "web_url"]


class MinistrySerializer(serializers.ModelSerializer):
    web_url = WebPageField()

    class Meta:
        model = Institution
        fields = ["slug", "name", "acronym", "website", "web_url"]


class MemberStateSerializer(serializers.ModelSerializer):
    name_language = ServedLanguageField("name")
    subregion_label = serializers.CharField(source="get_subregion_display", read_only=True)
    ministry = serializers.SerializerMethodField(
        help_text=_("The member state's Ministry of Labor, if the directory has it.")
    )
    web_url = WebPageField()

    class Meta:
        model = MemberState
        fields = [
            "iso_code",
            "name",
            "name_language",
            "subregion",
            "subregion_label",
            "ministry",
            "web_url",
        ]

    @extend_schema_field(MinistrySerializer(allow_null=True))
    def get_ministry(self, member_state):
        # ``ministries`` is prefetched by MemberState.objects.with_ministry().
        ministries = sorted(member_state.ministries, key=lambda ministry: not ministry.is_active)
        if not ministries:
            return None
        return MinistrySerializer(ministries[0], context=self.context).data


# The Program Portfolio -----------------------------------------------------------


class TargetGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetGroup
        fields = ["slug", "name"]


class ProgramIndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgramIndicator
        fields = ["name", "value", "year"]


class ProgramSerializer(serializers.ModelSerializer):
    title_language = ServedLanguageField("title")
    summary_language = ServedLanguageField("summary")
    original_language = serializers.CharField(
        source="language",
        read_only=True,
        help_text=_(
            "The language the program is written in: that of its untranslated texts "
            "(objectives, activities, results, …)."
        ),
    )
    ministry = InstitutionRefSerializer(source="owner", read_only=True)
    topics = TopicRefSerializer(many=True, read_only=True)
    target_groups = TargetGroupSerializer(many=True, read_only=True)
    offers = serializers.SerializerMethodField(
        help_text=_("The kinds of cooperation the ministry offers on the program.")
    )
    implementation_status_label = serializers.CharField(
        source="get_implementation_status_display", read_only=True
    )
    web_url = WebPageField()

    class Meta:
        model = Program
        fields = [
            "slug",
            "title",
            "title_language",
            "summary",
            "summary_language",
            "original_language",
            "ministry",
            "topics",
            "target_groups",
            "offers",
            "start_year",
            "implementation_status",
            "implementation_status_label",
            "published_at",
            "last_verified",
            "web_url",
        ]

    def get_offers(self, program) -> list[str]:
        return [offer.kind for offer in program.offers.all()]


class ProgramContactSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="contact_name")
    role = serializers.CharField(source="contact_role")
    email = serializers.EmailField(source="contact_email")

    class Meta:
        model = Program
        fields = ["name", "role", "email"]


class ProgramDetailSerializer(ProgramSerializer):
    indicators = ProgramIndicatorSerializer(many=True, read_only=True)
    links = serializers.ListField(source="link_list", child=serializers.URLField(), read_only=True)
    contact = ProgramContactSerializer(source="*", read_only=True)

    class Meta(ProgramSerializer.Meta):
        fields = [
            *ProgramSerializer.Meta.fields,
            "objectives",
            "target_population",
            "main_activities",
            "results",
            "indicators",
            "offer_details",
            "documentation_languages",
            "links",
            "contact",
        ]


# Meetings ------------------------------------------------------------------------


class WorkingGroupRefSerializer(serializers.ModelSerializer):
    conference = serializers.IntegerField(
        source="conference.number", read_only=True, help_text=_("The IACML's number.")
    )

    class Meta:
        model = WorkingGroup
        fields = ["id", "number", "name", "conference"]


class MeetingSerializer(serializers.ModelSerializer):
    title_language = ServedLanguageField("title")
    description_language = ServedLanguageField("description")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    dates_display = serializers.CharField(
        read_only=True, help_text=_("The dates as precisely as they are known, in words.")
    )
    place_display = serializers.CharField(read_only=True)
    host_state = MemberStateRefSerializer(read_only=True, allow_null=True)
    conference = serializers.IntegerField(
        source="conference.number",
        read_only=True,
        allow_null=True,
        help_text=_("The number of the IACML whose cycle the meeting belongs to."),
    )
    working_groups = WorkingGroupRefSerializer(many=True, read_only=True)
    topics = TopicRefSerializer(many=True, read_only=True)
    registration_state = serializers.ChoiceField(
        choices=["not_offered", "not_yet", "open", "closed"], read_only=True
    )
    web_url = WebPageField()
    calendar_url = serializers.SerializerMethodField(
        help_text=_("The meeting as an iCalendar file, once its days are known.")
    )

    class Meta:
        model = Meeting
        fields = [
            "slug",
            "title",
            "title_language",
            "description",
            "description_language",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "date_precision",
            "start_date",
            "end_date",
            "month_part",
            "start_time",
            "end_time",
            "time_zone",
            "dates_display",
            "is_online",
            "host_state",
            "city",
            "venue",
            "place_display",
            "conference",
            "working_groups",
            "topics",
            "languages",
            "interpretation",
            "registration_state",
            "web_url",
            "calendar_url",
        ]

    def get_calendar_url(self, meeting) -> str | None:
        if not meeting.is_dated:
            return None
        return absolute(self, reverse("meetings:meeting_calendar", kwargs={"slug": meeting.slug}))


class MeetingRefSerializer(serializers.ModelSerializer):
    web_url = WebPageField()

    class Meta:
        model = Meeting
        fields = ["slug", "title", "web_url"]


class DocumentFileSerializer(serializers.Serializer):
    language = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=_("Where to download this version."))

    def get_url(self, document_file) -> str:
        return absolute(
            self,
            reverse(
                "meetings:document_download",
                kwargs={"pk": document_file.document_id, "lang": document_file.language},
            ),
        )


class DocumentSerializer(serializers.ModelSerializer):
    title_language = ServedLanguageField("title")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    meeting = MeetingRefSerializer(read_only=True)
    files = DocumentFileSerializer(
        many=True, read_only=True, help_text=_("One file per language the document is in.")
    )

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "title",
            "title_language",
            "kind",
            "kind_label",
            "published_on",
            "meeting",
            "files",
        ]


# The Library ---------------------------------------------------------------------


class ProgramRefSerializer(serializers.ModelSerializer):
    web_url = WebPageField()

    class Meta:
        model = Program
        fields = ["slug", "title", "web_url"]


class CooperationActivityRefSerializer(serializers.ModelSerializer):
    web_url = WebPageField()

    class Meta:
        model = Request
        fields = ["reference", "title", "web_url"]


class DocumentRefSerializer(serializers.ModelSerializer):
    web_url = WebPageField()

    class Meta:
        model = Document
        fields = ["id", "symbol", "title", "web_url"]


class LibraryFileSerializer(serializers.Serializer):
    language = serializers.CharField()
    url = serializers.SerializerMethodField(help_text=_("Where to download this version."))

    def get_url(self, library_file) -> str:
        return absolute(self, library_file.get_file_url())


class LibraryItemSerializer(serializers.ModelSerializer):
    title_language = ServedLanguageField("title")
    abstract_language = ServedLanguageField("abstract")
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    publication_date_display = serializers.CharField(
        read_only=True, help_text=_("The publication date as precisely as it is known.")
    )
    owner = InstitutionRefSerializer(read_only=True)
    topics = TopicRefSerializer(many=True, read_only=True)
    files = LibraryFileSerializer(
        many=True, read_only=True, help_text=_("One file per language the item is in.")
    )
    meeting = MeetingRefSerializer(
        source="visible_meeting",
        read_only=True,
        allow_null=True,
        help_text=_("The public meeting it was presented at, if any."),
    )
    meeting_documents = DocumentRefSerializer(
        source="visible_documents",
        many=True,
        read_only=True,
        help_text=_("The public meeting documents of this item."),
    )
    programs = ProgramRefSerializer(
        source="published_programs",
        many=True,
        read_only=True,
        help_text=_("The published programs of the portfolio it relates to."),
    )
    cooperation_activities = CooperationActivityRefSerializer(
        source="visible_activities",
        many=True,
        read_only=True,
        help_text=_("The public cooperation activities it relates to."),
    )
    web_url = WebPageField()

    class Meta:
        model = LibraryItem
        fields = [
            "slug",
            "identifier",
            "title",
            "title_language",
            "abstract",
            "abstract_language",
            "language",
            "kind",
            "kind_label",
            "published_on",
            "date_precision",
            "publication_date_display",
            "licence",
            "owner",
            "topics",
            "files",
            "meeting",
            "meeting_documents",
            "programs",
            "cooperation_activities",
            "web_url",
        ]


# Cooperation ---------------------------------------------------------------------


class ExpectedResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExpectedResult
        fields = ["result", "indicator", "baseline", "target", "achieved"]


class FinalReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = FinalReport
        fields = ["what_was_done", "lessons"]


class CooperationActivitySerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=[(status.value, status.label) for status in PUBLIC_STATUSES], read_only=True
    )
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    activity_type_label = serializers.CharField(source="get_activity_type_display", read_only=True)
    topic = TopicRefSerializer(read_only=True)
    requester = InstitutionRefSerializer(
        read_only=True, help_text=_("The ministry that asked for cooperation (beneficiary).")
    )
    provider = InstitutionRefSerializer(
        read_only=True, help_text=_("The ministry that shares its experience.")
    )
    year = serializers.IntegerField(
        read_only=True,
        help_text=_("When it took place, else when it was planned to, else when it was asked."),
    )
    amount_approved = serializers.DecimalField(read_only=True, allow_null=True, **MONEY)
    program = serializers.SerializerMethodField(
        help_text=_("The program of the portfolio it draws on, if any and public.")
    )
    results = serializers.SerializerMethodField(
        help_text=_("The expected results and what was achieved: published once it is closed.")
    )
    final_report = serializers.SerializerMethodField(
        help_text=_("What was done and learned: published once it is closed.")
    )
    web_url = WebPageField()

    class Meta:
        model = Request
        fields = [
            "reference",
            "title",
            "status",
            "status_label",
            "activity_type",
            "activity_type_label",
            "topic",
            "requester",
            "provider",
            "year",
            "proposed_start",
            "proposed_end",
            "carried_out_on",
            "amount_approved",
            "summary",
            "program",
            "results",
            "final_report",
            "web_url",
        ]

    @extend_schema_field(ProgramRefSerializer(allow_null=True))
    def get_program(self, activity):
        program = activity.program
        if program is None or not program.is_public:
            return None
        return ProgramRefSerializer(program, context=self.context).data

    @extend_schema_field(ExpectedResultSerializer(many=True))
    def get_results(self, activity):
        if not activity.results_are_public:
            return []
        return ExpectedResultSerializer(activity.results.all(), many=True).data

    @extend_schema_field(FinalReportSerializer(allow_null=True))
    def get_final_report(self, activity):
        report = getattr(activity, "final_report", None)
        if report is None or not activity.results_are_public:
            return None
        return FinalReportSerializer(report).data


# The fund ------------------------------------------------------------------------


class ContributorTotalSerializer(serializers.Serializer):
    name = serializers.CharField(help_text=_("The contributing institution."))
    acronym = serializers.CharField(source="institution__acronym")
    member_state = serializers.CharField(
        source="institution__member_state__iso_code",
        allow_null=True,
        help_text=_("Its member state's ISO code, if it has one."),
    )
    member_state_name = serializers.CharField(source="state")
    total = serializers.DecimalField(**MONEY)


class ExpenseLineSerializer(serializers.Serializer):
    budget_line = serializers.CharField()
    label = serializers.CharField()
    total = serializers.DecimalField(**MONEY)


class AllocationSerializer(serializers.Serializer):
    purpose = serializers.CharField()
    budget_line = serializers.CharField()
    decided_on = serializers.DateField()
    decided_at = serializers.CharField()
    ceiling = serializers.DecimalField(**MONEY)
    used = serializers.DecimalField(**MONEY)
    remaining = serializers.DecimalField(**MONEY)


class PledgeSerializer(serializers.Serializer):
    institution = serializers.CharField(source="institution.name")
    institution_display_name = serializers.CharField(
        source="institution.__str__",
        help_text=_("The institution with its member state, as the portal shows it."),
    )
    member_state = serializers.CharField(
        source="institution.member_state.iso_code", allow_null=True, default=None
    )
    years = serializers.CharField()
    amount_usd = serializers.DecimalField(
        **MONEY, help_text=_("Pledged, in USD at the rate recorded with the pledge.")
    )
    received_usd = serializers.DecimalField(
        **MONEY, help_text=_("Received of it, in USD at the pledge's rate.")
    )
    outstanding_usd = serializers.DecimalField(
        **MONEY, help_text=_("Still to come, in USD at the pledge's rate.")
    )
    currency = serializers.CharField(help_text=_("The currency pledged, in which it is settled."))
    amount = serializers.DecimalField(**MONEY, help_text=_("Pledged, in its currency."))
    received = serializers.DecimalField(**MONEY, help_text=_("Received, in its currency."))
    outstanding = serializers.DecimalField(**MONEY, help_text=_("Still to come, in its currency."))
    converted = serializers.BooleanField(
        help_text=_(
            "Partly paid in another currency, counted at its recorded USD value "
            "(brought to the pledge's currency at the pledge's rate)."
        )
    )


class YearTotalSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    member_state = serializers.CharField(
        source="iso", help_text=_("ISO code; empty for contributors without a member state.")
    )
    member_state_name = serializers.CharField(source="state")
    financial = serializers.DecimalField(**MONEY)
    in_kind = serializers.DecimalField(**MONEY)


class FundStatementSerializer(serializers.Serializer):
    """The figures of the fund's public page, for a year or since the start."""

    currency = serializers.SerializerMethodField()
    start = serializers.DateField(
        allow_null=True, help_text=_("First day of the period; null: since the first record.")
    )
    end = serializers.DateField(help_text=_("Last day of the period."))
    opening_balance = serializers.DecimalField(**MONEY)
    financial_by_contributor = ContributorTotalSerializer(many=True)
    financial_total = serializers.DecimalField(**MONEY)
    in_kind_by_contributor = ContributorTotalSerializer(many=True)
    in_kind_total = serializers.DecimalField(**MONEY)
    total_resources = serializers.DecimalField(**MONEY)
    expenses_by_line = serializers.SerializerMethodField(help_text=_("Expenses per budget line."))
    expenses_total = serializers.DecimalField(**MONEY)
    balance = serializers.DecimalField(**MONEY, help_text=_("At the end of the period."))
    minimum = serializers.DecimalField(
        **MONEY, help_text=_("The balance the fund should hold at each year end.")
    )
    shortfall = serializers.DecimalField(
        **MONEY, help_text=_("How far the balance is below the minimum (0 when it is not).")
    )
    allocations = AllocationSerializer(many=True, help_text=_("Approved allocations in force."))
    open_pledges = PledgeSerializer(many=True)
    open_pledges_total = serializers.DecimalField(**MONEY, help_text=_("Pledged, in USD."))
    open_pledges_received = serializers.DecimalField(**MONEY, help_text=_("Received, in USD."))
    open_pledges_outstanding = serializers.DecimalField(
        **MONEY, help_text=_("Still to come, in USD.")
    )
    by_year = YearTotalSerializer(
        many=True, help_text=_("Contributions per year and member state.")
    )
    closed_at = serializers.DateTimeField(
        source="closed.closed_at",
        allow_null=True,
        default=None,
        help_text=_(
            "When the year was closed; its statement is then the one frozen that day. "
            "Null: the statement is computed from the books."
        ),
    )

    def get_currency(self, statement) -> str:
        return "USD"

    @extend_schema_field(ExpenseLineSerializer(many=True))
    def get_expenses_by_line(self, statement):
        lines = [
            {"budget_line": line.value, "label": str(line.label), "total": total}
            for line, total in statement.expenses_by_line
        ]
        return ExpenseLineSerializer(lines, many=True).data
