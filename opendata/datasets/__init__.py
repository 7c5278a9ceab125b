"""The registry of open datasets: one declaration each, whose columns are its
data dictionary. Each reads through the selector or queryset its public page
uses, as a visitor who is not signed in: a file can never show more than the
pages do (no draft, no restricted meeting or document, no contact address)."""

from .base import NUMBER, STRING, Column, Dataset
from .cooperation import ACTIVITIES, RESULTS
from .fund import FUND_LEDGER, FUND_STATEMENT
from .meetings import DOCUMENTS, MEETINGS
from .network import MEMBER_STATES
from .portfolio import PROGRAMS

DATASETS = [
    PROGRAMS,
    MEETINGS,
    DOCUMENTS,
    FUND_LEDGER,
    FUND_STATEMENT,
    ACTIVITIES,
    RESULTS,
    MEMBER_STATES,
]

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}


def dataset_by_slug(slug):
    return BY_SLUG.get(slug)


__all__ = ["DATASETS", "NUMBER", "STRING", "Column", "Dataset", "dataset_by_slug"]
