"""Reads for the results page and the export, in a fixed number of queries
whatever the number of answers."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .enums import RATINGS
from .models import Answer, Invitation, Questionnaire, Response


@dataclass
class RatingBar:
    value: int
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: object
    count: int = 0
    average: float | None = None
    bars: list = field(default_factory=list)
    texts: list = field(default_factory=list)


def questionnaire_results(*, questionnaire):
    """Per question, in order: how many answered, and for a rating the count
    of each value, its share and the average; for a free text, the texts."""
    questions = list(questionnaire.questions.all())
    rating_counts = {}
    for row in (
        Answer.objects.filter(question__questionnaire=questionnaire, rating__isnull=False)
        .values("question", "rating")
        .annotate(n=Count("pk"))
    ):
        rating_counts.setdefault(row["question"], {})[row["rating"]] = row["n"]
    texts = {}
    for question_id, text in (
        Answer.objects.filter(question__questionnaire=questionnaire)
        .exclude(text="")
        .order_by("pk")
        .values_list("question", "text")
    ):
        texts.setdefault(question_id, []).append(text)
    results = []
    for question in questions:
        result = QuestionResult(question=question)
        if question.is_rating:
            counts = rating_counts.get(question.pk, {})
            result.count = sum(counts.values())
            if result.count:
                result.average = sum(v * n for v, n in counts.items()) / result.count
            result.bars = [
                RatingBar(
                    value=value,
                    count=counts.get(value, 0),
                    percent=round(100 * counts.get(value, 0) / result.count) if result.count else 0,
                )
                for value in RATINGS
            ]
        else:
            result.texts = texts.get(question.pk, [])
            result.count = len(result.texts)
        results.append(result)
    return results


def questionnaire_participation(*, questionnaire):
    """How many were invited, reminded, and answered."""
    return Invitation.objects.filter(questionnaire=questionnaire).aggregate(
        invited=Count("pk"),
        reminded=Count("pk", filter=Q(reminded_at__isnull=False)),
        answered=Count("pk", filter=Q(has_answered=True)),
    ) | {"responses": Response.objects.filter(questionnaire=questionnaire).count()}


def questionnaire_export_rows(*, questionnaire):
    """The CSV's rows: a header, then one row per response. Who answered
    only when the questionnaire is not anonymous: the participant's name and
    delegation, or the cooperation request and its beneficiary ministry."""
    questions = list(questionnaire.questions.all())
    named = not questionnaire.is_anonymous
    header = ["response", "submitted_on"]
    if named:
        final_reports = questionnaire.for_final_reports
        header += ["request", "requester"] if final_reports else ["full_name", "delegation"]
    header += [f"Q{number}: {question.text}" for number, question in enumerate(questions, 1)]
    yield header
    responses = (
        Response.objects.filter(questionnaire=questionnaire)
        .select_related("registration__institution", "request__requester")
        .prefetch_related("answers")
        .order_by("pk")
    )
    for response in responses.iterator(chunk_size=500):
        by_question = {answer.question_id: answer for answer in response.answers.all()}
        row = [response.pk, response.submitted_on.isoformat()]
        if named:
            row += _respondent(response, questionnaire)
        for question in questions:
            answer = by_question.get(question.pk)
            if answer is None:
                row.append("")
            else:
                row.append(answer.rating if answer.rating is not None else answer.text)
        yield row


def _respondent(response, questionnaire):
    if questionnaire.for_final_reports:
        request = response.request
        return [request.reference, str(request.requester)] if request else ["", ""]
    registration = response.registration
    return [registration.full_name, registration.delegation] if registration else ["", ""]


def final_report_questionnaire():
    """The questionnaire asked in final reports now, with its questions; None
    when there is none, or it has no question yet."""
    return (
        Questionnaire.objects.filter(for_final_reports=True, questions__isnull=False)
        .prefetch_related("questions")
        .first()
    )
