"""Matching ministries' needs with the programs their peers offer.

A match is a (need, program) pair with a score and the reasons for it, read
by focal points who decide whether to start a request:

- topic: the need's topic is one of the program's (100 points), so programs
  on the need's topic always come first;
- offer: the program offers the kind of support the need asks for (20);
- text: how close the need's words are to the program's texts (0 to 30, in
  steps of 5 so that the tie-breakers below still decide between near
  equals). PostgreSQL ranks the program's full-text vector against the need's
  words and adds trigram similarity of the need's title; SQLite compares word
  stems in Python.

Ties go to the same subregion first, then the same language. A ministry is
never matched with itself nor with a ministry of its own member state:
south-south cooperation is between countries."""

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q, prefetch_related_objects
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from core import search
from portfolio.enums import OfferKind
from portfolio.models import Program

from .enums import ActivityType, NeedStatus
from .models import Need

TOPIC_POINTS = 100
OFFER_POINTS = 20
TEXT_POINTS = 30
TEXT_STEP = 5
# Below this share of the need's words found in a program, text is noise.
MIN_SIMILARITY = 0.15

# Which of a program's offers serve each kind of support a need asks for.
OFFERS_FOR_ACTIVITY = {
    ActivityType.VISIT_TO_PROVIDER: {OfferKind.TECHNICAL_VISIT},
    ActivityType.EXPERTS_VISIT: {OfferKind.TECHNICAL_VISIT, OfferKind.WORKSHOP},
    ActivityType.WORKSHOP: {OfferKind.WORKSHOP},
    ActivityType.VIRTUAL_ADVICE: {OfferKind.VIRTUAL_ADVICE, OfferKind.DOCUMENTATION},
    ActivityType.INTERNSHIP: {OfferKind.INTERNSHIP},
}

# Words that say nothing about a need, in the portal's four languages,
# without accents (they are compared with folded words).
_STOPWORD_TEXT = """
    about also with from that this have their them they sera para como
    pelo pela pelos pelas mais these those which where when what while into
    over under need needs want wants strengthen improve ministry ministerio
    ministere labor labour trabajo trabalho travail nuestro nuestra nuestros
    nuestras nosso nossa sobre entre desde hasta donde cuando porque pour
    avec dans sont nous notre leurs plus nouveau nueva nuevo novo nova
    fortalecer mejorar melhorar ameliorer renforcer
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass
class Match:
    need: Need
    program: Program
    score: int
    on_topic: bool
    same_subregion: bool
    same_language: bool
    reasons: list = field(default_factory=list)

    @property
    def reason(self):
        text = "; ".join(self.reasons)
        return text[:1].upper() + text[1:]

    def sort_key(self):
        return (-self.score, not self.same_subregion, not self.same_language, self.program.pk)


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stems(text):
    """{stem: first word seen}: the first five letters of each meaningful
    word, which is enough to relate "inspection" and "inspectors" in any of
    the four languages without a stemmer."""
    stems = {}
    for word in re.findall(r"\w{4,}", _fold(text)):
        if word in STOPWORDS or word.isdigit():
            continue
        stems.setdefault(word[:5], word)
    return stems


def _need_text(need):
    return f"{need.title}\n{need.description}"


def _word_overlap(need_stems, other_text):
    """(share of the need's stems found in ``other_text``, those words)."""
    if not need_stems:
        return 0.0, []
    other = _stems(other_text)
    shared = [word for stem, word in need_stems.items() if stem in other]
    return len(shared) / len(need_stems), shared


def _text_points(similarity):
    similarity = min(max(similarity, 0.0), 1.0)
    if similarity < MIN_SIMILARITY:
        return 0
    return TEXT_STEP * round(similarity * TEXT_POINTS / TEXT_STEP)


def _offer_label(kind):
    return OfferKind(kind).label.lower()


def _match(*, need, program, similarity, shared_words):
    """The score of (need, program) and the reasons a person reads."""
    reasons, score = [], 0
    program_topic_ids = {topic.pk for topic in program.topics.all()}
    on_topic = need.topic_id in program_topic_ids
    if on_topic:
        score += TOPIC_POINTS
        reasons.append(_("same topic: %(topic)s") % {"topic": need.topic.name})
    offered = {offer.kind for offer in program.offers.all()}
    wanted = set().union(*(OFFERS_FOR_ACTIVITY.get(kind, set()) for kind in need.support_kinds))
    useful = sorted(offered & wanted if wanted else offered)
    if useful:
        score += OFFER_POINTS
        reasons.append(
            _("offers %(offers)s") % {"offers": get_text_list([_offer_label(k) for k in useful])}
        )
    text_points = _text_points(similarity)
    if text_points:
        score += text_points
        if shared_words:
            reasons.append(_("similar words: %(words)s") % {"words": ", ".join(shared_words[:4])})
        else:
            reasons.append(_("similar description"))
    need_state = need.institution.member_state
    program_state = program.owner.member_state
    same_subregion = bool(
        need_state and program_state and need_state.subregion == program_state.subregion
    )
    if same_subregion:
        reasons.append(_("same subregion"))
    same_language = need.language == program.language
    if same_language:
        reasons.append(_("same language"))
    return Match(
        need=need,
        program=program,
        score=score,
        on_topic=on_topic,
        same_subregion=same_subregion,
        same_language=same_language,
        reasons=reasons,
    )


def _programs_of_peers(need):
    """Published programs of ministries of other member states."""
    institution = need.institution
    return (
        Program.objects.published()
        .exclude(owner_id=institution.pk)
        .exclude(owner__member_state_id=institution.member_state_id)
        .select_related("owner__member_state")
        .prefetch_related("topics", "offers")
        .defer("search_vector", "search_title")
    )


def _on_topic(topic_id):
    return Q(pk__in=Program.topics.through.objects.filter(topic_id=topic_id).values("program_id"))


def _postgresql_candidates(need, programs, need_stems):
    """Programs on the topic or whose texts match the need's words, each with
    a similarity from full-text rank and trigram word similarity."""
    words = " or ".join(need_stems.values())
    if not words:
        return [(program, 0.0) for program in programs.filter(_on_topic(need.topic_id))]
    query = search.text_query(words)
    programs = programs.filter(
        _on_topic(need.topic_id)
        | Q(search_vector=query)
        | Q(search_text__trigram_word_similar=need.title)
    ).annotate(
        # normalization 32: rank / (rank + 1), between 0 and 1.
        text_rank=SearchRank(F("search_vector"), query, normalization=32),
        title_similarity=TrigramWordSimilarity(need.title, "search_text"),
    )
    return [
        (program, max(min(1.0, 4 * program.text_rank), program.title_similarity))
        for program in programs
    ]


def programs_for_need(*, need, limit=10):
    """The best programs of other ministries for ``need``, best first."""
    need_stems = _stems(_need_text(need))
    programs = _programs_of_peers(need)
    if connection.vendor == "postgresql":
        candidates = _postgresql_candidates(need, programs, need_stems)
    else:
        candidates = []
        for program in programs:
            similarity, _shared = _word_overlap(need_stems, program.search_text)
            candidates.append((program, similarity))
    matches = []
    for program, similarity in candidates:
        _similarity, shared = _word_overlap(need_stems, program.search_text)
        match = _match(need=need, program=program, similarity=similarity, shared_words=shared)
        if match.on_topic or _text_points(similarity):
            matches.append(match)
    return sorted(matches, key=Match.sort_key)[:limit]


def needs_for_program(*, program, needs, limit=20):
    """The open needs among ``needs`` (those the reader may see) of ministries
    of other member states that ``program`` answers, best first. Needs are
    short, so their words are compared in Python on every database."""
    prefetch_related_objects([program], "topics", "offers", "owner__member_state")
    owner = program.owner
    topic_ids = [topic.pk for topic in program.topics.all()]
    candidates = (
        needs.filter(status=NeedStatus.OPEN)
        .exclude(institution_id=owner.pk)
        .exclude(institution__member_state_id=owner.member_state_id)
        .select_related("institution__member_state", "topic")
    )
    program_text = program.search_text
    matches = []
    for need in candidates:
        similarity, shared = _word_overlap(_stems(_need_text(need)), program_text)
        if need.topic_id not in topic_ids and not _text_points(similarity):
            continue
        matches.append(
            _match(need=need, program=program, similarity=similarity, shared_words=shared)
        )
    matches.sort(key=lambda match: (*match.sort_key()[:3], match.need.pk))
    return matches[:limit]
