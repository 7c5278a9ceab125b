"""Scale data for the Program Portfolio: 500 programs per factor, most of them
published, written in the network's languages (see network/scale.py)."""

import random

from django.utils import timezone

from network.enums import InstitutionKind
from network.models import Institution, Topic

from .enums import ImplementationStatus, ProgramStatus
from .models import Program

PROGRAMS_PER_FACTOR = 500
SLUG_PREFIX = "scale-"

LANGUAGES = ["es"] * 11 + ["en"] * 7 + ["pt"] * 2
STATUSES = [ProgramStatus.PUBLISHED] * 16 + [
    ProgramStatus.DRAFT,
    ProgramStatus.SUBMITTED,
    ProgramStatus.RETURNED,
    ProgramStatus.ARCHIVED,
]
SUBJECTS = {
    "en": [
        "labor inspection",
        "youth employment",
        "labor mediation",
        "occupational safety",
        "public employment service",
        "child labor prevention",
        "social dialogue",
        "labor migration",
        "vocational training",
        "gender equality at work",
    ],
    "es": [
        "inspección del trabajo",
        "empleo juvenil",
        "mediación laboral",
        "seguridad ocupacional",
        "servicio público de empleo",
        "prevención del trabajo infantil",
        "diálogo social",
        "migración laboral",
        "formación profesional",
        "igualdad de género en el trabajo",
    ],
    "pt": [
        "inspeção do trabalho",
        "emprego juvenil",
        "mediação trabalhista",
        "segurança ocupacional",
        "serviço público de emprego",
        "prevenção do trabalho infantil",
        "diálogo social",
        "migração laboral",
        "formação profissional",
        "igualdade de gênero no trabalho",
    ],
}
KINDS = {
    "en": ["National program for", "Electronic system of", "Observatory of", "Network for"],
    "es": ["Programa nacional de", "Sistema electrónico de", "Observatorio de", "Red de"],
    "pt": ["Programa nacional de", "Sistema eletrônico de", "Observatório de", "Rede de"],
}


def generate(factor, rng: random.Random):
    """Programs up to 500 times factor in all; returns how many were added."""
    wanted = PROGRAMS_PER_FACTOR * factor - Program.objects.count()
    if wanted <= 0:
        return 0
    ministries = list(
        Institution.objects.filter(kind=InstitutionKind.MINISTRY, is_active=True).order_by("pk")
    )
    topics = list(Topic.objects.order_by("pk"))
    start = Program.objects.filter(slug__startswith=SLUG_PREFIX).count()
    now = timezone.now()
    programs = []
    for number in range(start, start + wanted):
        language = rng.choice(LANGUAGES)
        subject = rng.randrange(len(SUBJECTS["en"]))
        title = f"{rng.choice(KINDS[language])} {SUBJECTS[language][subject]} {number}"
        status = rng.choice(STATUSES)
        program = Program(
            owner=ministries[number % len(ministries)],
            slug=f"{SLUG_PREFIX}program-{number}",
            language=language,
            objectives=f"Improve {SUBJECTS['en'][subject]} across the country.",
            target_population="Workers, employers and labor officials.",
            main_activities="Training, technical visits and an information system.",
            results=f"{rng.randint(100, 90000)} people served in {rng.randint(1, 20)} years.",
            start_year=rng.randint(1995, now.year),
            implementation_status=rng.choice(ImplementationStatus.values),
            contact_name=f"Focal point {number}",
            contact_email=f"program{number}@ministry.example",
            status=status,
            published_at=(
                now - timezone.timedelta(days=rng.randint(1, 3650))
                if status in (ProgramStatus.PUBLISHED, ProgramStatus.ARCHIVED)
                else None
            ),
        )
        setattr(program, f"title_{language}", title)
        setattr(program, f"summary_{language}", f"{title}: {SUBJECTS[language][subject]}.")
        if language != "en" and rng.random() < 0.4:
            program.title_en = f"{KINDS['en'][0]} {SUBJECTS['en'][subject]} {number}"
            program.summary_en = f"A program on {SUBJECTS['en'][subject]}."
        program.search_text = program._search_text()
        programs.append(program)
    Program.objects.bulk_create(programs, batch_size=500)

    created = Program.objects.filter(slug__in=[program.slug for program in programs])
    Through = Program.topics.through
    Through.objects.bulk_create(
        [
            Through(program_id=pk, topic_id=topic.pk)
            for pk in created.values_list("pk", flat=True)
            for topic in rng.sample(topics, k=min(len(topics), rng.randint(1, 3)))
        ],
        batch_size=2000,
    )
    return len(programs)
