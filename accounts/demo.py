"""Demo accounts' paperwork waiting for the Secretariat, so that the admin's
front page has something in each of its queues: an invitation not yet
accepted, whose email the ministry's server refused (an email that failed),
and a person's request to be forgotten. Each is made once: if the demo
staff process them, they stay processed."""

from django.db import transaction
from django.utils import timezone

from core.enums import DeliveryStatus
from core.models import EmailDelivery
from network.demo import DEMO_STAFF_EMAIL
from network.models import Institution, User

from . import services
from .models import ErasureRequest, Invitation

# ILLUSTRATIVE: people and addresses invented for the demo.
INVITATION = {
    "email": "nuevo.punto.focal@rial.demo",
    "full_name": "Nuevo punto focal (demo)",
    "job_title": "Oficina de Asuntos Internacionales",
    "iso": "GT",
    "language": "es",
}
BOUNCE = "550 5.1.1 <nuevo.punto.focal@rial.demo>: Recipient address rejected: mailbox unknown"
FORMER_DELEGATE_EMAIL = "former.delegate@rial.demo"


@transaction.atomic
def load():
    staff = User.objects.get(email=DEMO_STAFF_EMAIL)
    _pending_invitation(staff)
    _erasure_request()


def _pending_invitation(staff):
    """Recorded as if sent and refused by the recipient's server: sending it
    for real from the demo would only write a file."""
    entry = INVITATION
    if Invitation.objects.filter(email=entry["email"]).exists():
        return
    invitation = Invitation.objects.create(
        email=entry["email"],
        full_name=entry["full_name"],
        job_title=entry["job_title"],
        institution=Institution.objects.ministries().get(member_state__iso_code=entry["iso"]),
        language=entry["language"],
        invited_by=staff,
        sent_at=timezone.now(),
    )
    EmailDelivery.objects.create(
        key=f"invitation:{invitation.pk}:{invitation.nonce}",
        to=invitation.email,
        subject="Su invitación al portal de la RIAL",
        body="Invitación al portal de la RIAL (demo).",
        status=DeliveryStatus.FAILED,
        attempts=1,
        last_error=BOUNCE,
    )


def _erasure_request():
    person = User.objects.filter(email=FORMER_DELEGATE_EMAIL).first()
    if person is None:
        person = User.objects.create_user(
            email=FORMER_DELEGATE_EMAIL, password=None, full_name="Former delegate (demo)"
        )
    if not ErasureRequest.objects.filter(user=person).exists():
        services.erasure_request(
            user=person, reason="I no longer attend the meetings; please forget my account."
        )
