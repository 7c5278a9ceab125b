"""Demo evaluation: a questionnaire on the past match-making webinar of the
meetings' demo (meetings/demo_data.py PAST_WEBINAR), with the
answers of some of its participants; and the questionnaire asked in the
cooperation activities' final reports, with the answers of the demo's
reported activities. Idempotent like the other loaders: the questionnaires
are matched by their meeting or their use and title; participants and
answers are added only where there are none.

The meeting is named by its slug (``MEETING_SLUG``), loaded by
meetings/demo.py before this. Should it have no approved participants (the
seeds list none for meetings held), a few are added as the platform's report
would show them, and recorded as present through the meetings' own service."""

import datetime

from django.db import transaction
from django.utils import timezone

from cooperation.models import Request
from meetings import services as meeting_services
from meetings.demo_data import PAST_WEBINAR
from meetings.enums import AttendanceSource, DelegateRole, RegistrationStatus
from meetings.models import Meeting, Registration
from network.enums import InstitutionKind
from network.models import Institution

from . import services
from .enums import QuestionKind
from .models import Invitation, Question, Questionnaire

MEETING_SLUG = PAST_WEBINAR["slug"]

QUESTIONNAIRE = {
    "title_en": "Evaluation of the meeting",
    "title_es": "Evaluación de la reunión",
    "title_fr": "Évaluation de la réunion",
    "title_pt": "Avaliação da reunião",
    "intro_en": "Five short questions on what the meeting gave your ministry.",
    "intro_es": "Cinco preguntas breves sobre lo que la reunión aportó a su ministerio.",
    "intro_fr": "Cinq questions brèves sur ce que la réunion a apporté à votre ministère.",
    "intro_pt": "Cinco perguntas breves sobre o que a reunião trouxe ao seu ministério.",
}

QUESTIONS = [
    (
        QuestionKind.RATING,
        True,
        {
            "en": "How useful was the meeting for your ministry's work?",
            "es": "¿Qué tan útil fue la reunión para el trabajo de su ministerio?",
            "fr": (
                "Dans quelle mesure la réunion a-t-elle été utile au travail de votre ministère ?"
            ),
            "pt": "Quão útil foi a reunião para o trabalho do seu ministério?",
        },
    ),
    (
        QuestionKind.RATING,
        True,
        {
            "en": "How would you rate the exchange of experiences between ministries?",
            "es": "¿Cómo califica el intercambio de experiencias entre ministerios?",
            "fr": "Comment évaluez-vous l'échange d'expériences entre ministères ?",
            "pt": "Como avalia o intercâmbio de experiências entre ministérios?",
        },
    ),
    (
        QuestionKind.RATING,
        False,
        {
            "en": "How would you rate the organization and interpretation?",
            "es": "¿Cómo califica la organización y la interpretación?",
            "fr": "Comment évaluez-vous l'organisation et l'interprétation ?",
            "pt": "Como avalia a organização e a interpretação?",
        },
    ),
    (
        QuestionKind.TEXT,
        False,
        {
            "en": "Which practice presented would your ministry like to adapt?",
            "es": "¿Qué práctica presentada quisiera adaptar su ministerio?",
            "fr": "Quelle pratique présentée votre ministère aimerait-il adapter ?",
            "pt": "Que prática apresentada o seu ministério gostaria de adaptar?",
        },
    ),
    (
        QuestionKind.TEXT,
        False,
        {
            "en": "What should the next meeting do differently?",
            "es": "¿Qué debería hacer distinto la próxima reunión?",
            "fr": "Que devrait faire différemment la prochaine réunion ?",
            "pt": "O que a próxima reunião deveria fazer de diferente?",
        },
    ),
]

# Participants added only if the meeting has no approved one: (name, email,
# member state's ISO code, language).
PARTICIPANTS = [
    ("Laura Restrepo", "laura.restrepo@demo.example", "CO", "es"),
    ("Marcos Oliveira", "marcos.oliveira@demo.example", "BR", "pt"),
    ("Jean-Marc Pierre", "jean-marc.pierre@demo.example", "HT", "fr"),
    ("Karen Mitchell", "karen.mitchell@demo.example", "JM", "en"),
    ("Rodrigo Salas", "rodrigo.salas@demo.example", "CR", "es"),
    ("Patricia Núñez", "patricia.nunez@demo.example", "CL", "es"),
]

# The answers of the first participants (one fewer than present: one has not
# answered): three ratings, then the two texts.
ANSWERS = [
    (5, 5, 4, "The labor inspection planning tool presented by Colombia.", ""),
    (4, 5, 5, "O modelo de diálogo social tripartite.", "Mais tempo para perguntas."),
    (4, 3, None, "", "Envoyer les documents plus tôt, en français aussi."),
    (5, 4, 4, "South-south exchanges on employment services.", ""),
    (3, 4, 3, "", "Menos presentaciones y más trabajo en grupos."),
]


FINAL_REPORTS_QUESTIONNAIRE = {
    "title_en": "The activity in a few questions",
    "title_es": "La actividad en pocas preguntas",
    "title_fr": "L'activité en quelques questions",
    "title_pt": "A atividade em poucas perguntas",
    "intro_en": (
        "Asked with every final report, so that the network learns from all its activities."
    ),
    "intro_es": (
        "Se pregunta con cada informe final, para que la red aprenda de todas sus actividades."
    ),
    "intro_fr": (
        "Posées avec chaque rapport final, pour que le réseau apprenne de toutes ses activités."
    ),
    "intro_pt": (
        "Perguntadas com cada relatório final, para que a rede aprenda com todas as atividades."
    ),
}

FINAL_REPORTS_QUESTIONS = [
    (
        QuestionKind.RATING,
        True,
        {
            "en": "How well did the activity answer your ministry's need?",
            "es": "¿En qué medida la actividad respondió a la necesidad de su ministerio?",
            "fr": "Dans quelle mesure l'activité a-t-elle répondu au besoin de votre ministère ?",
            "pt": "Em que medida a atividade respondeu à necessidade do seu ministério?",
        },
    ),
    (
        QuestionKind.RATING,
        True,
        {
            "en": "How would you rate the support of the provider ministry?",
            "es": "¿Cómo califica el apoyo del ministerio oferente?",
            "fr": "Comment évaluez-vous l'appui du ministère prestataire ?",
            "pt": "Como avalia o apoio do ministério prestador?",
        },
    ),
    (
        QuestionKind.TEXT,
        False,
        {
            "en": "What would you advise a ministry planning a similar activity?",
            "es": "¿Qué aconsejaría a un ministerio que prepara una actividad similar?",
            "fr": "Que conseilleriez-vous à un ministère qui prépare une activité semblable ?",
            "pt": "O que aconselharia a um ministério que prepara uma atividade semelhante?",
        },
    ),
]

# The answers given with the demo's final reports, in the order of the
# reported activities: two ratings and the advice.
FINAL_REPORTS_ANSWERS = [
    (5, 5, "Agree on the agenda with the provider before the visit."),
    (4, 5, "Incluir a los inspectores regionales desde el inicio."),
    (4, 4, ""),
]


@transaction.atomic
def load():
    _meeting_evaluation()
    _final_reports_evaluation()


def _meeting_evaluation():
    meeting = Meeting.objects.get(slug=MEETING_SLUG)
    questionnaire = _questionnaire(meeting)
    participants = _participants(meeting)
    if questionnaire.responses.exists():
        return
    sent_at = timezone.make_aware(
        datetime.datetime.combine(meeting.last_day + datetime.timedelta(days=1), datetime.time(9))
    )
    questions = list(questionnaire.questions.all())
    for registration, values in zip(participants, ANSWERS, strict=False):
        invitation, _created = Invitation.objects.get_or_create(
            questionnaire=questionnaire, registration=registration, defaults={"sent_at": sent_at}
        )
        answers = _answers(questions, values)
        services.response_submit(
            invitation=invitation,
            answers=answers,
            today=sent_at.date() + datetime.timedelta(days=2),
        )
    # Invited, never answered: reminded once.
    for registration in participants[len(ANSWERS) :]:
        Invitation.objects.get_or_create(
            questionnaire=questionnaire,
            registration=registration,
            defaults={"sent_at": sent_at, "reminded_at": sent_at + datetime.timedelta(days=7)},
        )


def _final_reports_evaluation():
    """The final reports' questionnaire, unless the Secretariat has one, and
    the answers of the activities reported before it was asked."""
    questionnaire = Questionnaire.objects.filter(for_final_reports=True).first()
    if questionnaire is None:
        questionnaire = _with_questions(
            Questionnaire.objects.create(for_final_reports=True, **FINAL_REPORTS_QUESTIONNAIRE),
            FINAL_REPORTS_QUESTIONS,
        )
    if questionnaire.title_en != FINAL_REPORTS_QUESTIONNAIRE["title_en"]:
        return
    if questionnaire.responses.exists():
        return
    questions = list(questionnaire.questions.all())
    reported = Request.objects.filter(final_report__isnull=False).select_related("final_report")
    for request, values in zip(reported.order_by("pk"), FINAL_REPORTS_ANSWERS, strict=False):
        services.final_report_answers_record(
            questionnaire=questionnaire,
            request=request,
            answers=_answers(questions, values),
            today=timezone.localdate(request.final_report.submitted_at),
        )


def _answers(questions, values):
    """The answers to ``questions``, one value each in order; empty is blank."""
    return {question: value or None for question, value in zip(questions, values, strict=True)}


def _questionnaire(meeting):
    questionnaire = Questionnaire.objects.filter(
        meeting=meeting, title_en=QUESTIONNAIRE["title_en"]
    ).first()
    if questionnaire is not None:
        return questionnaire
    return _with_questions(
        Questionnaire.objects.create(meeting=meeting, **QUESTIONNAIRE), QUESTIONS
    )


def _with_questions(questionnaire, questions):
    for position, (kind, required, texts) in enumerate(questions, start=1):
        Question.objects.create(
            questionnaire=questionnaire,
            position=position,
            kind=kind,
            is_required=required,
            **{f"text_{language}": text for language, text in texts.items()},
        )
    return questionnaire


def _participants(meeting):
    """Approved participants recorded as present: those the meeting has
    (a few of them marked present if none are), or the demo's own."""
    approved = meeting.registrations.filter(status=RegistrationStatus.APPROVED).order_by("pk")
    if not approved.exists():
        for full_name, email, iso_code, language in PARTICIPANTS:
            ministry = Institution.objects.filter(
                member_state__iso_code=iso_code, kind=InstitutionKind.MINISTRY
            ).first()
            Registration.objects.create(
                meeting=meeting,
                status=RegistrationStatus.APPROVED,
                full_name=full_name,
                institution=ministry,
                member_state=ministry.member_state if ministry else None,
                organization="" if ministry else "Ministry of Labor",
                role=DelegateRole.DELEGATE,
                email=email,
                language=language,
                confirmed_at=timezone.now(),
            )
    if not approved.filter(attended_at__isnull=False).exists():
        at = timezone.make_aware(datetime.datetime.combine(meeting.start_date, datetime.time(10)))
        for registration in approved[: len(PARTICIPANTS)]:
            meeting_services.attendance_record(
                registration=registration, source=AttendanceSource.IMPORT, at=at
            )
    return list(approved.filter(attended_at__isnull=False))
