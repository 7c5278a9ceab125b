"""Who may do what with evaluations. Checked on the server by the admin and
the answer page; tested in tests/evaluations/test_rules.py and
tests/test_access_matrix.py.

Questionnaires belong to the meetings they evaluate: the Secretariat staff
who run meetings write them and read their results. Participants answer
through their personal link only (links.py), once."""

from meetings.rules import is_meetings_staff


def can_edit_questionnaire(user):
    """Create, change and delete questionnaires and their questions."""
    return is_meetings_staff(user)


def can_see_results(user):
    """The counts, averages, free-text answers and the CSV export."""
    return is_meetings_staff(user)


def can_answer(invitation):
    """The person holding the link, who has not answered yet."""
    return not invitation.has_answered
