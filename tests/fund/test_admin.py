"""The Secretariat keeps the fund's books in the admin: records go through the
services, nothing is deleted, corrections are voids and reversals."""

import datetime
from decimal import Decimal

import pytest
from django.contrib import admin, messages
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertTemplateUsed

from fund import selectors, services
from fund.enums import BudgetLine, ContributionKind, PledgeStatus
from fund.models import Allocation, ClosedYear, Contribution, Expense, Pledge
from tests.conftest import sign_in_with_second_factor
from tests.factories import (
    FocalPointFactory,
    InstitutionFactory,
    SecretariatStaffFactory,
    UserFactory,
)
from tests.fund.factories import (
    AllocationFactory,
    ContributionFactory,
    ExpenseFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

# The four books; the closed years have their own tests.
REGISTERED = sorted(
    model._meta.model_name
    for model in admin.site._registry
    if model._meta.app_label == "fund" and model is not ClosedYear
)
VOID_TEMPLATE = "admin/ask_then_apply.html"
MINIMUM_MESSAGE = "Ensure this value is greater than or equal to 0.01."


@pytest.fixture
def staff():
    return SecretariatStaffFactory()


def sign_in(client, user):
    return sign_in_with_second_factor(client, user)


@pytest.fixture
def staff_client(client, staff):
    return sign_in(client, staff)


@pytest.fixture
def one_of_each():
    allocation = AllocationFactory(ceiling=Decimal("1000.00"))
    original = ContributionFactory(reference="Transfer 7")
    return {
        "pledge": PledgeFactory(),
        "contribution": original,
        "allocation": allocation,
        "expense": ExpenseFactory(allocation=allocation),
        "reversal": ContributionFactory(
            institution=original.institution, reverses=original, amount=Decimal("100.00")
        ),
        "voided": ContributionFactory(
            voided=True, void_reason="Entered twice", voided_at=timezone.now()
        ),
    }


def run_action(client, model_name, action, pks, **extra):
    return client.post(
        reverse(f"admin:fund_{model_name}_changelist"),
        {"action": action, "_selected_action": [str(pk) for pk in pks], **extra},
    )


def message_texts(response, level=None):
    return [
        str(message)
        for message in get_messages(response.wsgi_request)
        if level is None or message.level == level
    ]


def form_errors(response):
    return response.context["adminform"].form.errors


def contribution_data(institution, **overrides):
    return {
        "institution": str(institution.pk),
        "kind": ContributionKind.FINANCIAL,
        "amount": "1000.00",
        "currency": "USD",
        "amount_usd": "1000.00",
        "received_on": "2015-03-01",
        "pledge": "",
        "reference": "Transfer 12",
        "description": "",
        "valuation": "",
        **overrides,
    }


def expense_data(allocation=None, **overrides):
    return {
        "spent_on": "2015-05-01",
        "amount": "500.00",
        "budget_line": allocation.budget_line if allocation else BudgetLine.MEETINGS,
        "allocation": str(allocation.pk) if allocation else "",
        "description": "Interpretation",
        "reference": "",
        **overrides,
    }


# Pages.


def test_registered_models_are_the_four_books():
    assert REGISTERED == ["allocation", "contribution", "expense", "pledge"]


@pytest.mark.parametrize("model_name", REGISTERED)
def test_changelist_loads_for_staff(staff_client, one_of_each, model_name):
    response = staff_client.get(reverse(f"admin:fund_{model_name}_changelist"))

    assert response.status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_changelist_search_loads_for_staff(staff_client, one_of_each, model_name):
    response = staff_client.get(reverse(f"admin:fund_{model_name}_changelist"), {"q": "x"})

    assert response.status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_add_page_loads_for_staff(staff_client, model_name):
    response = staff_client.get(reverse(f"admin:fund_{model_name}_add"))

    assert response.status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_change_page_loads_for_staff(staff_client, one_of_each, model_name):
    url = reverse(f"admin:fund_{model_name}_change", args=[one_of_each[model_name].pk])

    assert staff_client.get(url).status_code == 200


@pytest.mark.parametrize("model_name", REGISTERED)
def test_history_page_loads_for_staff(staff_client, one_of_each, model_name):
    url = reverse(f"admin:fund_{model_name}_history", args=[one_of_each[model_name].pk])

    assert staff_client.get(url).status_code == 200


def test_change_pages_of_a_reversal_and_a_voided_record_load(staff_client, one_of_each):
    for record in (one_of_each["reversal"], one_of_each["voided"]):
        url = reverse("admin:fund_contribution_change", args=[record.pk])

        assert staff_client.get(url).status_code == 200


def test_contribution_changelist_marks_the_reversal_and_links_to_what_it_reverses(
    staff_client, one_of_each
):
    original = one_of_each["contribution"]

    response = staff_client.get(reverse("admin:fund_contribution_changelist"))

    page = response.content.decode()
    assert reverse("admin:fund_contribution_change", args=[original.pk]) in page
    assert f"↩ #{original.pk}" in page
    assert "−100.00" in page


def test_allocation_changelist_shows_what_is_spent_and_what_remains(staff_client, one_of_each):
    allocation = one_of_each["allocation"]
    ExpenseFactory(
        allocation=allocation, amount=Decimal("200.00"), voided=True, void_reason="Wrong line"
    )
    ExpenseFactory(allocation=allocation, amount=Decimal("100.00"), reverses=one_of_each["expense"])
    model_admin = admin.site._registry[Allocation]

    response = staff_client.get(reverse("admin:fund_allocation_changelist"))

    row = response.context["cl"].result_list.get(pk=allocation.pk)
    assert model_admin.used_display(row) == "400.00"
    assert model_admin.remaining_display(row) == "600.00"


@pytest.mark.parametrize("model_name", ["contribution", "expense"])
def test_changelist_links_to_the_fund_dashboard(staff_client, model_name):
    response = staff_client.get(reverse(f"admin:fund_{model_name}_changelist"))

    assert f'href="{reverse("fund:dashboard")}"' in response.content.decode()


# Nothing is deleted.


def test_delete_view_of_a_contribution_is_forbidden(staff_client):
    contribution = ContributionFactory()

    response = staff_client.post(
        reverse("admin:fund_contribution_delete", args=[contribution.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Contribution.objects.filter(pk=contribution.pk).exists()


@pytest.mark.parametrize("model_name", REGISTERED)
def test_delete_selected_is_not_an_action(staff_client, model_name):
    response = staff_client.get(reverse(f"admin:fund_{model_name}_changelist"))

    names = [name for name, _label in response.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in names
    assert (
        names
        == {
            "pledge": ["", "void", "mark_withdrawn"],
            "contribution": ["", "void", "reverse_today"],
            "allocation": ["", "void"],
            "expense": ["", "void", "reverse_today"],
        }[model_name]
    )


def test_a_history_version_cannot_be_reverted(staff_client, staff):
    contribution = ContributionFactory(reference="Transfer 3")
    version = contribution.history.get()
    services.entry_void(entry=contribution, user=staff, reason="Entered twice")

    response = staff_client.post(
        reverse(
            "admin:fund_contribution_simple_history",
            args=[contribution.pk, version.history_id],
        ),
        {"reference": "Transfer 3", "description": "", "valuation": ""},
    )

    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.voided is True
    assert contribution.void_reason == "Entered twice"


# Recording goes through the services.


def test_adding_a_contribution_records_who_recorded_it(staff_client, staff):
    institution = InstitutionFactory()

    response = staff_client.post(
        reverse("admin:fund_contribution_add"), contribution_data(institution)
    )

    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.institution == institution
    assert contribution.amount == Decimal("1000.00")
    assert contribution.reference == "Transfer 12"
    assert contribution.recorded_by == staff


def test_adding_a_contribution_keeps_one_history_record_by_the_staff_user(staff_client, staff):
    staff_client.post(
        reverse("admin:fund_contribution_add"), contribution_data(InstitutionFactory())
    )

    contribution = Contribution.objects.get()
    assert list(contribution.history.values_list("history_type", "history_user")) == [
        ("+", staff.pk)
    ]


def test_adding_a_contribution_that_completes_a_pledge_marks_it_fulfilled(staff_client):
    pledge = PledgeFactory(amount=Decimal("1000.00"))

    staff_client.post(
        reverse("admin:fund_contribution_add"),
        contribution_data(pledge.institution, pledge=str(pledge.pk)),
    )

    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.FULFILLED
    assert Contribution.objects.get().pledge == pledge


def test_adding_a_pledge_records_it_open_with_who_recorded_it(staff_client, staff):
    institution = InstitutionFactory()

    response = staff_client.post(
        reverse("admin:fund_pledge_add"),
        {
            "institution": str(institution.pk),
            "amount": "5000.00",
            "currency": "USD",
            "amount_usd": "5000.00",
            "year_from": "2015",
            "year_to": "2016",
            "announced_on": "2015-04-29",
            "announced_at": "Cartagena meeting",
            "reference": "",
        },
    )

    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert (pledge.institution, pledge.status, pledge.recorded_by) == (
        institution,
        PledgeStatus.OPEN,
        staff,
    )


def test_adding_an_expense_within_the_ceiling_records_it(staff_client, staff):
    allocation = AllocationFactory(ceiling=Decimal("1000.00"))
    ExpenseFactory(allocation=allocation, amount=Decimal("500.00"))

    response = staff_client.post(
        reverse("admin:fund_expense_add"), expense_data(allocation, amount="500.00")
    )

    assert response.status_code == 302
    expense = Expense.objects.get(recorded_by=staff)
    assert expense.allocation == allocation
    assert expense.amount == Decimal("500.00")
    assert selectors.allocation_remaining(allocation) == Decimal("0.00")


def test_adding_an_expense_stores_its_supporting_document(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    invoice = SimpleUploadedFile("invoice.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")

    response = staff_client.post(
        reverse("admin:fund_expense_add"), {**expense_data(), "document": invoice}
    )

    assert response.status_code == 302
    expense = Expense.objects.get()
    folder, token, name = expense.document.name.rsplit("/", 2)
    assert (folder, name) == ("fund/expenses", "invoice.pdf")
    assert len(token) >= 16
    assert (tmp_path / expense.document.name).read_bytes() == b"%PDF-1.4\n%%EOF\n"


def test_adding_an_expense_past_the_ceiling_shows_the_form_again_and_records_nothing(
    staff_client,
):
    allocation = AllocationFactory(purpose="Virtual platform", ceiling=Decimal("1000.00"))
    ExpenseFactory(allocation=allocation, amount=Decimal("500.00"))

    response = staff_client.post(
        reverse("admin:fund_expense_add"), expense_data(allocation, amount="600.00")
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "amount": [
            "This expense of 600.00 USD would take “Virtual platform” past its ceiling of "
            "1000.00 USD: only 500.00 USD remain."
        ]
    }
    assert Expense.objects.count() == 1


def test_a_voided_allocation_cannot_be_chosen_for_an_expense(staff_client):
    allocation = AllocationFactory(voided=True, void_reason="Cancelled")

    response = staff_client.post(reverse("admin:fund_expense_add"), expense_data(allocation))

    assert response.status_code == 200
    assert list(form_errors(response)) == ["allocation"]
    assert not Expense.objects.exists()


def test_a_refusal_of_the_service_after_the_form_is_reported_and_records_nothing(
    staff_client, monkeypatch
):
    def refuse(**fields):
        raise ValidationError({"amount": "Only 10.00 USD remain."})

    monkeypatch.setattr(services, "expense_record", refuse)

    response = staff_client.post(reverse("admin:fund_expense_add"), expense_data())

    assert response.status_code == 302
    assert response.url == reverse("admin:fund_expense_add")
    assert message_texts(response, messages.ERROR) == ["Only 10.00 USD remain."]
    assert not Expense.objects.exists()


@pytest.mark.parametrize("amount", ["-5.00", "0.00"])
def test_an_expense_of_a_negative_or_zero_amount_is_refused(staff_client, amount):
    response = staff_client.post(reverse("admin:fund_expense_add"), expense_data(amount=amount))

    assert response.status_code == 200
    assert form_errors(response) == {"amount": [MINIMUM_MESSAGE]}
    assert not Expense.objects.exists()


@pytest.mark.parametrize("amount", ["-5.00", "0.00"])
def test_a_contribution_of_a_negative_or_zero_amount_is_refused(staff_client, amount):
    data = contribution_data(InstitutionFactory(), amount=amount, amount_usd=amount)

    response = staff_client.post(reverse("admin:fund_contribution_add"), data)

    assert response.status_code == 200
    assert form_errors(response) == {"amount": [MINIMUM_MESSAGE], "amount_usd": [MINIMUM_MESSAGE]}
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("model_name", "data", "field"),
    [
        ("contribution", lambda: contribution_data(InstitutionFactory()), "received_on"),
        ("expense", lambda: expense_data(), "spent_on"),
    ],
)
def test_an_entry_dated_after_today_shows_the_form_again_and_records_nothing(
    staff_client, model_name, data, field
):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = staff_client.post(
        reverse(f"admin:fund_{model_name}_add"), {**data(), field: tomorrow.isoformat()}
    )

    assert response.status_code == 200
    assert list(form_errors(response)) == [field]
    assert "cannot be after today" in form_errors(response)[field][0]
    assert not Contribution.objects.exists()
    assert not Expense.objects.exists()


def test_closing_a_year_in_the_admin_freezes_its_statement(staff_client, staff):
    ContributionFactory(received_on=datetime.date(2015, 3, 1))

    response = staff_client.post(reverse("admin:fund_closedyear_add"), {"year": "2015"})

    assert response.status_code == 302
    closed = ClosedYear.objects.get()
    assert (closed.year, closed.closed_by, closed.intact) == (2015, staff, True)
    assert closed.statement["en"]["financial_total"] == "1000.00"
    page = staff_client.get(reverse("admin:fund_closedyear_change", args=[closed.pk]))
    assert page.status_code == 200
    assert closed.checksum in page.content.decode()
    assert staff_client.get(reverse("admin:fund_closedyear_changelist")).status_code == 200


def test_closing_a_year_not_over_in_the_admin_is_refused(staff_client):
    this_year = timezone.localdate().year

    response = staff_client.post(reverse("admin:fund_closedyear_add"), {"year": str(this_year)})

    assert response.status_code == 302
    assert message_texts(response, messages.ERROR) == ["A year is closed once it is over."]
    assert not ClosedYear.objects.exists()


# A recorded entry's amounts do not change.


def test_the_amount_of_a_recorded_contribution_is_read_only(staff_client):
    contribution = ContributionFactory(amount=Decimal("1000.00"), reference="Transfer 1")

    response = staff_client.post(
        reverse("admin:fund_contribution_change", args=[contribution.pk]),
        {
            "amount": "1.00",
            "amount_usd": "1.00",
            "reference": "Transfer 1 (bank ref. 889)",
            "description": "",
            "valuation": "",
        },
    )

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.amount == Decimal("1000.00")
    assert contribution.amount_usd == Decimal("1000.00")
    assert contribution.reference == "Transfer 1 (bank ref. 889)"


def test_the_change_form_of_an_expense_does_not_offer_its_amount_or_voiding(staff_client):
    expense = ExpenseFactory()

    response = staff_client.get(reverse("admin:fund_expense_change", args=[expense.pk]))

    assert sorted(response.context["adminform"].form.fields) == [
        "description",
        "document",
        "reference",
    ]


def test_the_add_form_of_a_contribution_offers_only_what_is_typed_in(staff_client):
    response = staff_client.get(reverse("admin:fund_contribution_add"))

    assert sorted(response.context["adminform"].form.fields) == [
        "amount",
        "amount_usd",
        "currency",
        "description",
        "institution",
        "kind",
        "pledge",
        "received_on",
        "reference",
        "valuation",
    ]


# Voiding.


def test_void_action_first_asks_for_a_reason(staff_client):
    contribution = ContributionFactory()

    response = run_action(staff_client, "contribution", "void", [contribution.pk])

    assert response.status_code == 200
    assertTemplateUsed(response, VOID_TEMPLATE)
    assert list(response.context["objects"]) == [contribution]
    assert response.context["selected"] == [str(contribution.pk)]
    contribution.refresh_from_db()
    assert contribution.voided is False


def test_void_action_with_a_reason_voids_the_record(staff_client, staff):
    contribution = ContributionFactory()

    response = run_action(
        staff_client,
        "contribution",
        "void",
        [contribution.pk],
        apply="1",
        reason="  Entered twice.  ",
    )

    assert response.status_code == 302
    assert message_texts(response, messages.SUCCESS) == ["1 record voided."]
    contribution.refresh_from_db()
    assert contribution.voided is True
    assert contribution.void_reason == "Entered twice."
    assert contribution.voided_by == staff
    assert contribution.voided_at is not None


def test_void_action_with_an_empty_reason_shows_the_page_again_and_changes_nothing(
    staff_client,
):
    contribution = ContributionFactory()
    versions = contribution.history.count()

    response = run_action(
        staff_client, "contribution", "void", [contribution.pk], apply="1", reason="   "
    )

    assert response.status_code == 200
    assertTemplateUsed(response, VOID_TEMPLATE)
    assert response.context["form"].errors == {"reason": ["This field is required."]}
    contribution.refresh_from_db()
    assert (contribution.voided, contribution.void_reason, contribution.voided_by) == (
        False,
        "",
        None,
    )
    assert contribution.history.count() == versions


def test_void_action_reports_a_refusal_per_record(staff_client):
    allocation = AllocationFactory(purpose="Virtual platform", ceiling=Decimal("1000.00"))
    ExpenseFactory(allocation=allocation)
    free = AllocationFactory()

    response = run_action(
        staff_client,
        "allocation",
        "void",
        [allocation.pk, free.pk],
        apply="1",
        reason="Cancelled",
    )

    assert message_texts(response, messages.ERROR) == [
        f"{allocation}: Expenses draw on this allocation: void or move them first."
    ]
    assert message_texts(response, messages.SUCCESS) == ["1 record voided."]
    assert Allocation.objects.get(pk=allocation.pk).voided is False
    assert Allocation.objects.get(pk=free.pk).voided is True


# Reversing.


def test_reverse_action_records_a_full_reversal_dated_today(staff_client, staff):
    original = ContributionFactory(amount=Decimal("1000.00"), reference="Transfer 7")

    response = run_action(staff_client, "contribution", "reverse_today", [original.pk])

    assert response.status_code == 302
    assert message_texts(response, messages.SUCCESS) == ["1 reversal recorded."]
    reversal = Contribution.objects.get(reverses=original)
    assert reversal.amount == Decimal("1000.00")
    assert reversal.amount_usd == Decimal("1000.00")
    assert reversal.institution == original.institution
    assert reversal.received_on == timezone.localdate()
    assert reversal.reference == "Reversal of Transfer 7"
    assert reversal.recorded_by == staff


def test_reverse_action_on_a_contribution_in_another_currency_takes_all_its_usd_value(
    staff_client,
):
    original = ContributionFactory(
        currency="EUR", amount=Decimal("10.01"), amount_usd=Decimal("1.70")
    )

    response = run_action(staff_client, "contribution", "reverse_today", [original.pk])

    assert message_texts(response) == ["1 reversal recorded."]
    reversal = Contribution.objects.get(reverses=original)
    assert (reversal.amount, reversal.currency, reversal.amount_usd) == (
        Decimal("10.01"),
        "EUR",
        Decimal("1.70"),
    )


def test_reverse_action_takes_the_statement_back_to_what_it_was(staff_client):
    ContributionFactory(amount=Decimal("300.00"))
    before = selectors.fund_statement().total_resources
    original = ContributionFactory(amount=Decimal("1000.00"))
    assert selectors.fund_statement().total_resources == before + Decimal("1000.00")

    run_action(staff_client, "contribution", "reverse_today", [original.pk])

    assert selectors.fund_statement().total_resources == before == Decimal("300.00")


def test_reverse_action_on_an_expense_gives_back_to_its_allocation(staff_client):
    allocation = AllocationFactory(ceiling=Decimal("1000.00"))
    expense = ExpenseFactory(allocation=allocation, amount=Decimal("400.00"))

    run_action(staff_client, "expense", "reverse_today", [expense.pk])

    reversal = Expense.objects.get(reverses=expense)
    assert (reversal.amount, reversal.allocation) == (Decimal("400.00"), allocation)
    assert reversal.reference == f"Reversal of {expense.pk}"
    assert selectors.allocation_remaining(allocation) == Decimal("1000.00")


def test_reverse_action_on_a_reversal_reports_an_error_and_records_nothing(
    staff_client, one_of_each
):
    reversal = one_of_each["reversal"]

    response = run_action(staff_client, "contribution", "reverse_today", [reversal.pk])

    assert message_texts(response) == [
        f"{reversal}: A voided record or a reversal cannot be reversed."
    ]
    assert message_texts(response, messages.ERROR) == message_texts(response)
    assert not Contribution.objects.filter(reverses=reversal).exists()


# Pledges.


def test_mark_withdrawn_action_withdraws_the_pledge(staff_client):
    pledge = PledgeFactory()

    response = run_action(staff_client, "pledge", "mark_withdrawn", [pledge.pk])

    assert message_texts(response, messages.SUCCESS) == ["1 pledge marked withdrawn."]
    pledge.refresh_from_db()
    assert pledge.status == PledgeStatus.WITHDRAWN


# Who may keep the books.


def test_contribution_changelist_is_forbidden_to_staff_without_the_group(client):
    sign_in(client, UserFactory(is_staff=True))

    response = client.get(reverse("admin:fund_contribution_changelist"))

    assert response.status_code == 403


def test_contribution_changelist_sends_a_focal_point_to_the_admin_login(client):
    sign_in(client, FocalPointFactory())

    response = client.get(reverse("admin:fund_contribution_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


# The dashboard.


def test_dashboard_loads_for_staff(staff_client, one_of_each):
    response = staff_client.get("/fund/dashboard/")

    assert response.status_code == 200
    assert reverse("admin:fund_contribution_add") in response.content.decode()


def test_dashboard_is_forbidden_to_staff_without_the_group(client):
    sign_in(client, UserFactory(is_staff=True))

    response = client.get("/fund/dashboard/")

    assert response.status_code == 403


def test_dashboard_sends_a_visitor_to_the_admin_login(client):
    response = client.get("/fund/dashboard/")

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert "next=/fund/dashboard/" in response.url


def test_dashboard_is_an_admin_page_with_the_sites_title_and_breadcrumbs(staff_client):
    response = staff_client.get("/fund/dashboard/")

    page = response.content.decode()
    assertTemplateUsed(response, "admin/base_site.html")
    assert "<title>Fund dashboard | RIAL admin</title>" in page
    assert "RIAL — Technical Secretariat" in page
    assert "Django administration" not in page
    breadcrumbs = page.split('<div class="breadcrumbs">')[1].split("</div>")[0]
    assert reverse("admin:index") in breadcrumbs
    assert reverse("admin:app_list", kwargs={"app_label": "fund"}) in breadcrumbs
    assert "Voluntary Contribution Fund" in breadcrumbs
    assert "Fund dashboard" in breadcrumbs
    assert 'class="module"' in page
    assert "css/fund_admin" in page


def test_dashboard_warns_when_the_projected_balance_is_below_the_minimum(staff_client, settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("120000.00")
    ContributionFactory(amount=Decimal("1000.00"))
    AllocationFactory(ceiling=Decimal("2417.00"))  # projected: 1,000 - 2,417 = -1,417

    response = staff_client.get("/fund/dashboard/")

    page = response.content.decode()
    assert response.context["projection"].projected_balance == Decimal("-1417.00")
    assert 'id="fund-below-minimum"' in page
    assert (
        "The balance projected at year end, -1,417.00 USD, is below the minimum annual "
        "budget of 120,000.00 USD: 121,417.00 USD short."
    ) in page


def test_dashboard_does_not_warn_at_the_minimum(staff_client, settings):
    settings.FUND_MINIMUM_ANNUAL_BUDGET = Decimal("1000.00")
    ContributionFactory(amount=Decimal("1000.00"))

    response = staff_client.get("/fund/dashboard/")

    assert 'id="fund-below-minimum"' not in response.content.decode()


def test_dashboard_lists_a_past_years_unpaid_pledge_as_lapsed_not_open(staff_client):
    this_year = timezone.localdate().year
    past = PledgeFactory(
        institution=InstitutionFactory(name_en="Secretariat of Labor"), year_to=2015
    )
    current = PledgeFactory(
        institution=InstitutionFactory(name_en="Ministry of Labour"),
        year_from=this_year,
        year_to=this_year,
    )

    response = staff_client.get("/fund/dashboard/")

    assert response.context["statement"].open_pledges == [current]
    assert response.context["lapsed_pledges"] == [past]
    lapsed = response.content.decode().split('id="fund-lapsed-pledges"')[1]
    assert reverse("admin:fund_pledge_change", args=[past.pk]) in lapsed


def test_pledge_changelist_shows_a_past_years_unpaid_pledge_as_lapsed(staff_client):
    this_year = timezone.localdate().year
    lapsed = PledgeFactory(year_from=2015, year_to=2015)
    current = PledgeFactory(year_from=this_year, year_to=this_year)
    voided = PledgeFactory(voided=True, void_reason="Announced twice")
    model_admin = admin.site._registry[Pledge]
    url = reverse("admin:fund_pledge_changelist")

    assert model_admin.state(lapsed) == "Lapsed"
    assert model_admin.state(current) == "Open"
    assert model_admin.state(voided) == "Voided"
    # A voided pledge is in no state: it no longer counts.
    assert list(staff_client.get(url, {"state": "lapsed"}).context["cl"].result_list) == [lapsed]
    assert list(staff_client.get(url, {"state": "open"}).context["cl"].result_list) == [current]


def test_contribution_changelist_keeps_the_amounts_in_few_columns(staff_client):
    ContributionFactory(currency="BRL", amount=Decimal("60000.00"), amount_usd=Decimal("30000.00"))

    response = staff_client.get(reverse("admin:fund_contribution_changelist"))

    page = response.content.decode()
    assert response.context["cl"].list_display == [
        "action_checkbox",
        "received_on",
        "institution",
        "kind",
        "amount_display",
        "amount_usd_display",
        "entry_status",
    ]
    assert '<td class="field-amount_display">60,000.00 BRL</td>' in page
    assert '<td class="field-amount_usd_display">30,000.00</td>' in page
    assert "css/fund_admin" in page
