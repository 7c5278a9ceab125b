"""The fund's public statement, its exports and the staff dashboard."""

from functools import partial

from django.apps import apps
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.files import file_response

from . import charts, exports, rules, selectors
from .enums import BudgetLine
from .forms import PeriodForm, StatementLineForm
from .models import Contribution, Expense


def _period(request):
    first = Contribution.objects.effective().aggregate(first=Min("received_on"))["first"]
    form = PeriodForm(request.GET or None, first_year=first.year if first else None)
    return form, form.period()


def _statement(request):
    form, (start, end) = _period(request)
    return form, selectors.statement_of_period(start=start, end=end)


@require_safe
def statement(request):
    form, period = _period(request)
    return render(
        request,
        "fund/statement.html",
        {
            "form": form,
            "period": period,
            # Built only when the page's {% fragment %} is.
            "statement_parts": partial(_statement_parts, *period),
            "query_string": request.GET.urlencode(),
        },
    )


def _statement_parts(start, end):
    statement = selectors.statement_of_period(start=start, end=end)
    return {
        "statement": statement,
        "chart_by_year": charts.contributions_by_year(statement.by_year),
        "chart_by_contributor": charts.contributions_by_contributor(
            statement.financial_by_contributor
        ),
        "transparency": charts.transparency_table(statement.by_year),
    }


@require_safe
def statement_line(request):
    """The published records behind one line of the statement: a
    contributor's contributions (date, amount, currency, rate, USD value,
    reversals) or a budget line's expenses, adding up to the line."""
    _form, statement = _statement(request)
    line = StatementLineForm(request.GET)
    if not line.is_valid():
        raise Http404
    period = {"start": statement.start, "end": statement.end}
    if line.cleaned_data["line"]:
        budget_line = BudgetLine(line.cleaned_data["line"])
        records = selectors.expense_records(**period, budget_line=budget_line)
        title = budget_line.label
    else:
        records = selectors.contribution_records(
            **period,
            kind=line.cleaned_data["kind"],
            institution_id=line.cleaned_data["contributor"],
        )
        if not records:
            raise Http404
        title = str(records[0].institution)
    return render(
        request,
        "fund/statement_line.html",
        {
            "statement": statement,
            "title": title,
            "records": records,
            "total": sum((record.value for record in records), selectors.ZERO),
            "expenses": bool(line.cleaned_data["line"]),
            "query_string": request.GET.urlencode(),
        },
    )


@require_safe
def statement_export(request, fmt):
    _form, statement = _statement(request)
    return exports.statement_response(statement, fmt)


@require_safe
def dashboard(request):
    """Reached through the admin site's own guard (staff with a second factor),
    see urls.py; the permission to read the books is checked here."""
    if not rules.can_view_books(request.user):
        raise PermissionDenied
    form, statement = _statement(request)
    return render(
        request,
        "fund/dashboard.html",
        {
            # The admin's frame: its title, header, navigation and theme.
            **admin.site.each_context(request),
            "title": _("Fund dashboard"),
            "app_verbose_name": apps.get_app_config("fund").verbose_name,
            "form": form,
            "statement": statement,
            "projection": selectors.year_end_projection(),
            "lapsed_pledges": list(
                selectors.lapsed_pledges().select_related("institution__member_state")
            ),
            "query_string": request.GET.urlencode(),
        },
    )


@require_safe
def expense_document(request, pk):
    """Reached through the admin site's guard as the dashboard is; whoever may
    not read the books is not told the expense exists."""
    if not rules.can_view_expense_documents(request.user):
        raise Http404
    expense = get_object_or_404(Expense.objects.exclude(document=""), pk=pk)
    return file_response(expense.document)
