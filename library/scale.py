"""Scale data for the Library: 1,000 items per factor, most of them
published, each with a language version whose extracted text runs to a few
pages of sentences in the network's words, kept page by page as extraction
keeps them (see network/scale.py). The files themselves are not written: the
rows name files that storage does not hold, as the search needs only the
text."""

import datetime
import random

from django.utils import timezone

from network.models import Institution, Topic
from portfolio.scale import SUBJECTS

from .enums import DatePrecision, ExtractionStatus, ItemKind, ItemStatus
from .extraction import PAGE_BREAK, split_pages
from .models import LibraryFile, LibraryItem, LibraryPage

ITEMS_PER_FACTOR = 1000
SLUG_PREFIX = "scale-"
LANGUAGES = ["es"] * 11 + ["en"] * 7 + ["pt"] * 2
STATUSES = [ItemStatus.PUBLISHED] * 17 + [
    ItemStatus.DRAFT,
    ItemStatus.SUBMITTED,
    ItemStatus.RETURNED,
]
HEADINGS = {
    "en": ["Study on", "Guide to", "Report on", "Toolkit for"],
    "es": ["Estudio sobre", "Guía de", "Informe sobre", "Caja de herramientas de"],
    "pt": ["Estudo sobre", "Guia de", "Relatório sobre", "Kit de ferramentas de"],
}
# The words of the network's record (the seeds: the IACML's declarations,
# the working groups' reports, the feasibility study, the fund's reports),
# put together into sentences as a study writes them: a few hundred
# distinct words per language, common and rare, not one sentence repeated.
ACTORS = {
    "en": [
        "the Ministry of Labor",
        "the working group",
        "the Technical Secretariat",
        "the labor inspectorate",
        "the public employment service",
        "the consultative bodies",
        "COSATE and CEATAL",
        "the International Labour Organization",
        "the delegations",
        "the national tripartite council",
        "the vocational training institute",
        "the social security administration",
        "the ministries of the Caribbean",
        "the experts of the study",
        "the Conference of Ministers",
    ],
    "es": [
        "el Ministerio de Trabajo",
        "el grupo de trabajo",
        "la Secretaría Técnica",
        "la inspección del trabajo",
        "el servicio público de empleo",
        "los órganos consultivos",
        "el COSATE y la CEATAL",
        "la Organización Internacional del Trabajo",
        "las delegaciones",
        "el consejo tripartito nacional",
        "el instituto de formación profesional",
        "la administración de la seguridad social",
        "los ministerios del Caribe",
        "los expertos del estudio",
        "la Conferencia de Ministros",
    ],
    "pt": [
        "o Ministério do Trabalho",
        "o grupo de trabalho",
        "a Secretaria Técnica",
        "a inspeção do trabalho",
        "o serviço público de emprego",
        "os órgãos consultivos",
        "o COSATE e a CEATAL",
        "a Organização Internacional do Trabalho",
        "as delegações",
        "o conselho tripartite nacional",
        "o instituto de formação profissional",
        "a administração da previdência social",
        "os ministérios do Caribe",
        "os especialistas do estudo",
        "a Conferência de Ministros",
    ],
}
ACTIONS = {
    "en": [
        "reviewed",
        "strengthened",
        "evaluated",
        "documented",
        "financed",
        "coordinated",
        "recommended",
        "designed",
        "implemented",
        "monitored",
        "compared",
        "reported on",
        "shared its experience of",
        "proposed a plan for",
        "measured the results of",
    ],
    "es": [
        "examinó",
        "fortaleció",
        "evaluó",
        "documentó",
        "financió",
        "coordinó",
        "recomendó",
        "diseñó",
        "implementó",
        "supervisó",
        "comparó",
        "informó sobre",
        "compartió su experiencia en",
        "propuso un plan para",
        "midió los resultados de",
    ],
    "pt": [
        "examinou",
        "fortaleceu",
        "avaliou",
        "documentou",
        "financiou",
        "coordenou",
        "recomendou",
        "desenhou",
        "implementou",
        "monitorou",
        "comparou",
        "informou sobre",
        "compartilhou sua experiência em",
        "propôs um plano para",
        "mediu os resultados de",
    ],
}
MATTERS = {
    "en": [
        "the bilateral cooperation activities",
        "the labor market information systems",
        "the informal economy",
        "the protection of migrant workers",
        "the eradication of child labor",
        "the certification of occupational skills",
        "the settlement of labor disputes",
        "the inspection visits to small enterprises",
        "the voluntary contribution fund",
        "the portfolio of programs",
        "the technical assistance projects",
        "the gender perspective in labor policies",
        "the transition to formality",
        "the occupational health and safety committees",
        "the labor dimension of trade agreements",
        "the youth employment programs",
        "the unemployment insurance",
        "the electronic case management",
        "the minimum wage policy",
        "the hemispheric workshops",
    ],
    "es": [
        "las actividades de cooperación bilateral",
        "los sistemas de información del mercado laboral",
        "la economía informal",
        "la protección de los trabajadores migrantes",
        "la erradicación del trabajo infantil",
        "la certificación de competencias laborales",
        "la solución de conflictos laborales",
        "las visitas de inspección a pequeñas empresas",
        "el fondo de aportes voluntarios",
        "el portafolio de programas",
        "los proyectos de asistencia técnica",
        "la perspectiva de género en las políticas laborales",
        "la transición a la formalidad",
        "los comités de seguridad y salud en el trabajo",
        "la dimensión laboral de los acuerdos comerciales",
        "los programas de empleo juvenil",
        "el seguro de desempleo",
        "la gestión electrónica de expedientes",
        "la política de salario mínimo",
        "los talleres hemisféricos",
    ],
    "pt": [
        "as atividades de cooperação bilateral",
        "os sistemas de informação do mercado de trabalho",
        "a economia informal",
        "a proteção dos trabalhadores migrantes",
        "a erradicação do trabalho infantil",
        "a certificação de competências profissionais",
        "a solução de conflitos trabalhistas",
        "as visitas de inspeção a pequenas empresas",
        "o fundo de contribuições voluntárias",
        "o portfólio de programas",
        "os projetos de assistência técnica",
        "a perspectiva de gênero nas políticas trabalhistas",
        "a transição para a formalidade",
        "as comissões de segurança e saúde no trabalho",
        "a dimensão trabalhista dos acordos comerciais",
        "os programas de emprego juvenil",
        "o seguro-desemprego",
        "a gestão eletrônica de processos",
        "a política de salário mínimo",
        "as oficinas hemisféricas",
    ],
}
CIRCUMSTANCES = {
    "en": [
        "in {year}",
        "with {n} participants",
        "across {n} municipalities",
        "in {place}",
        "after the meeting in {place}",
        "with the support of the ILO",
        "for the next biennium",
        "under the Plan of Action",
        "in {n} workplaces",
        "with the employers' organizations",
    ],
    "es": [
        "en {year}",
        "con {n} participantes",
        "en {n} municipios",
        "en {place}",
        "tras la reunión de {place}",
        "con el apoyo de la OIT",
        "para el próximo bienio",
        "en el marco del Plan de Acción",
        "en {n} centros de trabajo",
        "con las organizaciones de empleadores",
    ],
    "pt": [
        "em {year}",
        "com {n} participantes",
        "em {n} municípios",
        "em {place}",
        "após a reunião de {place}",
        "com o apoio da OIT",
        "para o próximo biênio",
        "no âmbito do Plano de Ação",
        "em {n} locais de trabalho",
        "com as organizações de empregadores",
    ],
}
PLACES = [
    "Cartagena", "Medellín", "Cancún", "Ottawa", "Brasilia", "Bridgetown", "Buenos Aires",
    "Lima", "Santo Domingo", "Panamá", "San Salvador", "Kingston", "Montevideo", "Quito",
    "Tegucigalpa", "Washington", "Port of Spain", "Asunción", "Santiago", "Guatemala",
]  # fmt: skip
PAGES = (2, 24)
SENTENCES_PER_PAGE = 8


def _sentence(language, rng, year):
    circumstance = rng.choice(CIRCUMSTANCES[language]).format(
        year=rng.randint(2003, year), n=rng.randint(3, 900), place=rng.choice(PLACES)
    )
    sentence = (
        f"{rng.choice(ACTORS[language])} {rng.choice(ACTIONS[language])} "
        f"{rng.choice(MATTERS[language])} {circumstance}."
    )
    return sentence[0].upper() + sentence[1:]


def _text(language, rng, year, pages):
    """A study's text of ``pages`` pages, kept apart as extraction keeps a PDF's."""
    return PAGE_BREAK.join(
        " ".join(_sentence(language, rng, year) for _sentence_number in range(SENTENCES_PER_PAGE))
        for _page in range(pages)
    )


def generate(factor, rng: random.Random):
    """Items up to 1,000 times factor in all; returns how many were added."""
    wanted = ITEMS_PER_FACTOR * factor - LibraryItem.objects.count()
    if wanted <= 0:
        return 0
    owners = list(Institution.objects.filter(is_active=True).order_by("pk"))
    topics = list(Topic.objects.order_by("pk"))
    start = LibraryItem.objects.filter(slug__startswith=SLUG_PREFIX).count()
    now = timezone.now()
    items, texts = [], {}
    for number in range(start, start + wanted):
        language = rng.choice(LANGUAGES)
        subject = rng.randrange(len(SUBJECTS["en"]))
        kind = rng.randrange(len(HEADINGS["en"]))
        status = rng.choice(STATUSES)
        published_on = datetime.date(rng.randint(2003, now.year), rng.randint(1, 12), 1)
        item = LibraryItem(
            owner=owners[number % len(owners)],
            slug=f"{SLUG_PREFIX}item-{number}",
            language=language,
            kind=[ItemKind.STUDY, ItemKind.GUIDE, ItemKind.REPORT, ItemKind.TOOLKIT][kind],
            published_on=published_on,
            date_precision=DatePrecision.MONTH,
            status=status,
            published_at=now if status == ItemStatus.PUBLISHED else None,
        )
        title = f"{HEADINGS[language][kind]} {SUBJECTS[language][subject]} {number}"
        setattr(item, f"title_{language}", title)
        setattr(item, f"abstract_{language}", f"{title}: {SUBJECTS[language][subject]}.")
        items.append(item)
        pages = rng.randint(*PAGES)
        texts[item.slug] = (language, pages, _text(language, rng, published_on.year, pages))
    LibraryItem.objects.bulk_create(items, batch_size=500)

    created = dict(LibraryItem.objects.filter(slug__in=list(texts)).values_list("slug", "pk"))
    LibraryFile.objects.bulk_create(
        [
            LibraryFile(
                item_id=created[slug],
                language=language,
                file=f"library/scale/{slug}-{language}.pdf",
                kind="pdf",
                size=pages * 40_000,
                text=text,
                page_count=pages,
                extraction_status=ExtractionStatus.DONE,
            )
            for slug, (language, pages, text) in texts.items()
        ],
        batch_size=500,
    )
    files = LibraryFile.objects.filter(item__slug__in=list(texts)).values_list(
        "pk", "item_id", "item__slug"
    )
    LibraryPage.objects.bulk_create(
        [
            LibraryPage(
                file_id=file_id, item_id=item_id, language=language, number=number, text=page
            )
            for file_id, item_id, slug in files
            for language, pages, text in [texts[slug]]
            for number, page in split_pages(text, pages)
        ],
        batch_size=1000,
    )
    LibraryItem.objects.filter(pk__in=created.values()).text_vectors_refresh()
    Through = LibraryItem.topics.through
    Through.objects.bulk_create(
        [
            Through(libraryitem_id=pk, topic_id=topic.pk)
            for pk in created.values()
            for topic in rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))
        ],
        batch_size=2000,
    )
    return len(items)
