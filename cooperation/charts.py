"""The statistics page's pictures as plain geometry for SVG templates: drawn on
the server, no JavaScript and nothing from another site. Each picture has a
table with the same figures beside it, for screen readers and for print."""

LABEL_WIDTH = 190
BAR_AREA = 300
ROW_HEIGHT = 24

FLOW_WIDTH = 640
FLOW_LABEL_WIDTH = 170
FLOW_ROW_HEIGHT = 30
FLOW_MARGIN = 10
FLOW_MAX_STROKE = 12


def bars(rows):
    """rows: [(label, count)] -> the geometry of a horizontal bar chart, the
    bars scaled to the largest count."""
    largest = max((count for _label, count in rows), default=0)
    drawn = []
    for index, (label, count) in enumerate(rows):
        length = max(count / largest * BAR_AREA if largest else 0.0, 1.0)
        top = index * ROW_HEIGHT
        drawn.append(
            {
                "label": str(label),
                "value": count,
                "x": LABEL_WIDTH,
                "y": top + 4,
                "width": round(length, 1),
                "height": ROW_HEIGHT - 8,
                "text_y": top + ROW_HEIGHT - 8,
                "value_x": round(LABEL_WIDTH + length + 6, 1),
            }
        )
    return {
        "bars": drawn,
        "height": max(len(drawn), 1) * ROW_HEIGHT,
        "width": LABEL_WIDTH + BAR_AREA + 60,
    }


def _column(states, height):
    """Each state of a column -> the y of its node, spread over ``height``."""
    step = (height - 2 * FLOW_MARGIN) / len(states) if states else 0
    return {
        state: round(FLOW_MARGIN + step * (index + 0.5), 1) for index, state in enumerate(states)
    }


def _by_total(flows, side):
    totals = {}
    for flow in flows:
        totals[flow[side]] = totals.get(flow[side], 0) + flow[2]
    return sorted(totals, key=lambda state: (-totals[state], str(state))), totals


def flows(rows):
    """rows: [(provider, requester, count)] -> the geometry of a two-column
    flow picture: providing states on the left, requesting states on the
    right, a curve from one to the other as thick as the number of activities."""
    providers, given = _by_total(rows, 0)
    requesters, received = _by_total(rows, 1)
    height = max(len(providers), len(requesters), 1) * FLOW_ROW_HEIGHT + 2 * FLOW_MARGIN
    left_y, right_y = _column(providers, height), _column(requesters, height)
    left_x, right_x = FLOW_LABEL_WIDTH, FLOW_WIDTH - FLOW_LABEL_WIDTH
    middle = (left_x + right_x) / 2
    largest = max((count for *_states, count in rows), default=1)
    links = [
        {
            "provider": str(provider),
            "requester": str(requester),
            "count": count,
            "stroke": round(2 + (FLOW_MAX_STROKE - 2) * count / largest, 1),
            "path": (
                f"M {left_x} {left_y[provider]} C {middle} {left_y[provider]}, "
                f"{middle} {right_y[requester]}, {right_x - 8} {right_y[requester]}"
            ),
        }
        for provider, requester, count in rows
    ]
    return {
        "links": links,
        "providers": [
            {"label": str(state), "y": left_y[state], "count": given[state]} for state in providers
        ],
        "requesters": [
            {"label": str(state), "y": right_y[state], "count": received[state]}
            for state in requesters
        ],
        "left_x": left_x,
        "right_x": right_x,
        "width": FLOW_WIDTH,
        "height": height,
    }
