"""Demo news: an item the demo focal point's ministry submitted, waiting for
the Secretariat's review (the admin's front page shows it). Made once: if
the demo staff publish or return it, it stays so."""

from django.db import transaction

from network.demo import DEMO_FOCAL_POINT_EMAIL
from network.models import Topic, User

from . import services
from .models import NewsItem

# Seed 003: "Specialized training for inspectors in Colombia, Peru, Chile and
# Uruguay". ILLUSTRATIVE: the item's text and its date.
# Written in Spanish and given in English too, as ministries that translate
# their news do: the page offers both versions.
SUBMITTED_NEWS = {
    "title_es": "Colombia forma a 120 inspectores del trabajo en su nueva escuela (demo)",
    "text_es": (
        "El Ministerio del Trabajo de Colombia inauguró cursos de formación especializada "
        "para sus inspectores, organizados por campaña y sector de inspección.\n\n"
        "Noticia ilustrativa de la demostración, a la espera de la revisión de la "
        "Secretaría Técnica."
    ),
    "title_en": "Colombia trains 120 labor inspectors at its new school (demo)",
    "text_en": (
        "Colombia's Ministry of Labor opened specialized training courses for its "
        "inspectors, organized by campaign and inspection sector.\n\n"
        "An illustrative news item of the demo, waiting for the Technical "
        "Secretariat's review."
    ),
    "language": "es",
}
TOPIC = "labor-inspection"


@transaction.atomic
def load():
    focal_point = User.objects.get(email=DEMO_FOCAL_POINT_EMAIL)
    entry = SUBMITTED_NEWS
    if NewsItem.objects.filter(
        institution=focal_point.institution, title_es=entry["title_es"]
    ).exists():
        return
    news = services.news_save(user=focal_point, topic=Topic.objects.get(slug=TOPIC), **entry)
    services.news_submit(news=news, user=focal_point)
