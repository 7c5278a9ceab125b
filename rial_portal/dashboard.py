"""The focal point's dashboard section that spans every app: the dates that
matter to them, whichever app each comes from (sections.DEADLINES)."""

from core import sections
from network.rules import is_focal_point

# A dashboard lists this many deadlines at most, and says how many more.
DEADLINES_LIMIT = 12


def deadlines_section(user):
    """The dashboard's dates that matter to a focal point, soonest first,
    gathered from the apps (sections.DEADLINES): national reports due,
    registrations and calls closing, final reports due."""
    if not is_focal_point(user):
        return None
    deadlines = [
        deadline for found in sections.collect(sections.DEADLINES, user) for deadline in found
    ]
    deadlines.sort(key=lambda deadline: (deadline.due, str(deadline.title)))
    return "rial_portal/_section_deadlines.html", {
        "deadlines": deadlines[:DEADLINES_LIMIT],
        "more": max(len(deadlines) - DEADLINES_LIMIT, 0),
    }
