import factory
from django.utils import timezone

from portfolio.enums import ProgramStatus
from portfolio.models import Program
from tests.factories import InstitutionFactory, TopicFactory


class ProgramFactory(factory.django.DjangoModelFactory):
    """A published program with one topic; ``status=…`` for the others."""

    class Meta:
        model = Program
        skip_postgeneration_save = True

    owner = factory.SubFactory(InstitutionFactory)
    language = "en"
    title_en = factory.Sequence(lambda n: f"Program {n}")
    summary_en = "A program that worked."
    objectives = "To share what worked."
    target_population = "Workers and employers."
    main_activities = "Training and advice."
    results = "Results were measured."
    start_year = 2010
    contact_name = "Contact Person"
    contact_role = "Director"
    contact_email = "contact@example.org"
    status = ProgramStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create:
            obj.topics.set(extracted if extracted is not None else [TopicFactory()])


def program_content(**overrides):
    """Form-ready content of a valid program (the shape Program.content() has)."""
    content = {
        "language": "en",
        "title_en": "Labor inspection training",
        "title_es": "",
        "title_pt": "",
        "title_fr": "",
        "summary_en": "Training for labor inspectors.",
        "summary_es": "",
        "summary_pt": "",
        "summary_fr": "",
        "objectives": "Better inspections.",
        "target_population": "Inspectors.",
        "main_activities": "Courses.",
        "results": "200 inspectors trained.",
        "start_year": 2012,
        "implementation_status": "ongoing",
        "documentation_languages": ["en"],
        "offer_details": "",
        "contact_name": "Ana Pérez",
        "contact_role": "Director",
        "contact_email": "ana@example.org",
        "links": "",
        "topics": [],
        "target_groups": [],
        "offer_kinds": ["workshop"],
        "indicators": [],
    }
    content.update(overrides)
    return content


def form_data(content):
    """POST data for the program form from content."""
    data = {
        key: value
        for key, value in content.items()
        if key
        not in ("topics", "target_groups", "offer_kinds", "documentation_languages", "indicators")
    }
    data = {key: "" if value is None else value for key, value in data.items()}
    data["topics"] = [str(pk) for pk in content["topics"]]
    data["target_groups"] = [str(pk) for pk in content["target_groups"]]
    data["offer_kinds"] = content["offer_kinds"]
    data["documentation_languages"] = content["documentation_languages"]
    data.update(
        {
            "indicators-TOTAL_FORMS": str(len(content["indicators"])),
            "indicators-INITIAL_FORMS": "0",
            "indicators-MIN_NUM_FORMS": "0",
            "indicators-MAX_NUM_FORMS": "30",
        }
    )
    for index, indicator in enumerate(content["indicators"]):
        for key, value in indicator.items():
            data[f"indicators-{index}-{key}"] = "" if value is None else value
    return data
