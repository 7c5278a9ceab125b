"""The personal link to answer a questionnaire, in the invitation and the
reminder. No account is needed: the signed link is the credential. It signs
the invitation, not the registration's link nonce, so that asking for a new
registration link after the meeting (for the participation letter) does not
end it; one answer per invitation is what keeps a forwarded link harmless."""

from django.core import signing
from django.urls import reverse

from .models import Invitation

SALT = "evaluations.answer"
# Long enough for a reminder sent weeks after the invitation to work.
MAX_AGE = 120 * 24 * 60 * 60


class AnswerLinkInvalid(Exception):
    """A link that does not work: "broken" (altered, cut short, or naming an
    invitation that is gone) or "expired"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def answer_token(invitation):
    return signing.dumps({"i": invitation.pk}, salt=SALT)


def answer_path(invitation):
    return reverse("evaluations:answer", kwargs={"token": answer_token(invitation)})


def invitation_from_token(token):
    """The invitation a signed link names, with its questionnaire and
    registration. Raises AnswerLinkInvalid."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise AnswerLinkInvalid("expired") from None
    except signing.BadSignature:
        raise AnswerLinkInvalid("broken") from None
    invitation_id = data.get("i") if isinstance(data, dict) else None
    invitation = (
        Invitation.objects.select_related("questionnaire", "registration__meeting")
        .filter(pk=invitation_id)
        .first()
        if isinstance(invitation_id, int)
        else None
    )
    if invitation is None:
        raise AnswerLinkInvalid("broken")
    return invitation
