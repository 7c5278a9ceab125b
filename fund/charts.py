"""Bar charts as plain data for an SVG template: no JavaScript, no CDN, and
readable by screen readers (each bar has its figure as text)."""

from collections import defaultdict
from decimal import Decimal

ZERO = Decimal("0")


LABEL_WIDTH = 190
BAR_AREA = 300
ROW_HEIGHT = 24


def _bars(rows):
    """rows: [(label, value)] -> {"bars": [...], "height", "width"}: the
    geometry of a horizontal bar chart, bars scaled to the largest value."""
    largest = max((value for _label, value in rows), default=ZERO)
    bars = []
    for index, (label, value) in enumerate(rows):
        length = float(value / largest) * BAR_AREA if largest > 0 else 0.0
        top = index * ROW_HEIGHT
        bars.append(
            {
                "label": str(label),
                "value": value,
                "x": LABEL_WIDTH,
                "y": top + 4,
                "width": round(max(length, 1.0), 1),
                "height": ROW_HEIGHT - 8,
                "text_y": top + ROW_HEIGHT - 8,
                "value_x": round(LABEL_WIDTH + max(length, 1.0) + 6, 1),
            }
        )
    return {
        "bars": bars,
        "height": max(len(bars), 1) * ROW_HEIGHT,
        "width": LABEL_WIDTH + BAR_AREA + 110,
    }


def contributions_by_year(by_year):
    totals = defaultdict(Decimal)
    for row in by_year:
        totals[row["year"]] += row["financial"] + row["in_kind"]
    return _bars(sorted(totals.items()))


def contributions_by_contributor(financial_by_contributor, limit=16):
    rows = [(row["state"] or row["name"], row["total"]) for row in financial_by_contributor[:limit]]
    return _bars(rows)


def transparency_table(by_year):
    """What each member state contributed, by year:
    (years, [(state name, [total per year], total)]), the largest first."""
    years = sorted({row["year"] for row in by_year})
    states = defaultdict(lambda: defaultdict(Decimal))
    for row in by_year:
        states[row["state"] or "—"][row["year"]] += row["financial"] + row["in_kind"]
    table = [
        (iso, [per_year.get(year, ZERO) for year in years], sum(per_year.values(), ZERO))
        for iso, per_year in states.items()
    ]
    table.sort(key=lambda row: (-row[2], row[0]))
    return years, table
