"""Scale data for the directory: the network's institutions, ten times over.

The real network has one Ministry of Labor in each of its 35 member states,
and about as many advisory bodies and partners; at ``factor`` 10 there are 350
institutions. Generated rows carry the ``scale-`` slug prefix, and each
generator only adds what is missing, so running it again adds nothing.
"""

import random

from .enums import InstitutionKind
from .models import Institution, MemberState

INSTITUTIONS_PER_FACTOR = 35
SLUG_PREFIX = "scale-"

KINDS = [InstitutionKind.ADVISORY_BODY, InstitutionKind.OTHER]
NAMES = [
    "National Labor Institute",
    "Vocational Training Service",
    "Social Security Institute",
    "Employment Observatory",
    "Labor Inspection Directorate",
    "Workers' Council",
    "Employers' Council",
    "Tripartite Commission",
    "Occupational Safety Institute",
]


def generate(factor, rng: random.Random):
    """Institutions up to 35 times factor in all; returns how many were added."""
    wanted = INSTITUTIONS_PER_FACTOR * factor - Institution.objects.count()
    if wanted <= 0:
        return 0
    states = list(MemberState.objects.order_by("iso_code"))
    start = Institution.objects.filter(slug__startswith=SLUG_PREFIX).count()
    institutions = []
    for number in range(start, start + wanted):
        state = states[number % len(states)]
        name = NAMES[number // len(states) % len(NAMES)]
        institutions.append(
            Institution(
                kind=rng.choice(KINDS),
                name=f"{name} of {state.name}",
                slug=f"{SLUG_PREFIX}{state.iso_code.lower()}-{number}",
                member_state=state,
            )
        )
    Institution.objects.bulk_create(institutions, batch_size=1000)
    return len(institutions)
