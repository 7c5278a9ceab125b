"""Demo data of the directory, from the seed documents (see ``demo_data``).

``load()`` is idempotent: it creates what is missing and updates what differs,
and saves nothing that is already as the seeds say, so running it twice
changes nothing (not even history).
"""

from datetime import date

from django.contrib.auth.models import Group
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from rial_portal.roles import TECHNICAL_SECRETARIAT

from . import demo_data
from .enums import InstitutionKind
from .models import Conference, Institution, InstitutionName, MemberState, Topic, User, WorkingGroup

DEMO_PASSWORD = "rial-demo-2026"
# The admin asks staff for a second factor: the demo staff account has these
# single-use recovery codes (each loading restores the used ones).
DEMO_RECOVERY_CODES = [f"demo{number:04d}" for number in range(1, 21)]
DEMO_STAFF_EMAIL = "secretariat@rial.demo"
DEMO_FOCAL_POINT_EMAIL = "focal.point@rial.demo"


def upsert(model, lookup, values, create_only=None):
    """Get the row matching ``lookup`` and bring it to ``values``, saving only
    when something differs; ``create_only`` values are set on a new row only.
    Returns the instance."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **values, **(create_only or {}))
        instance.full_clean()
        instance.save()
        return instance
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.full_clean()
        instance.save(update_fields=changed)
    return instance


@transaction.atomic
def load():
    states = {
        iso: upsert(
            MemberState,
            {"iso_code": iso},
            {"name_en": name_en, "name_es": name_es, "subregion": subregion},
        )
        for iso, name_en, name_es, subregion in demo_data.MEMBER_STATES
    }

    ministries = {}
    for ministry in demo_data.MINISTRIES:
        state = states[ministry["iso"]]
        institution = upsert(
            Institution,
            {"kind": InstitutionKind.MINISTRY, "member_state": state},
            {
                "name_en": ministry["name_en"],
                "name_es": ministry["name_es"],
                "acronym": ministry["acronym"],
            },
        )
        for former in ministry["former_names"]:
            upsert(
                InstitutionName,
                {"institution": institution, "name": former["name"]},
                {"until_year": former["until_year"]},
            )
        ministries[ministry["iso"]] = institution

    for other in demo_data.OTHER_INSTITUTIONS:
        upsert(
            Institution,
            {"kind": other["kind"], "acronym": other["acronym"]},
            {"name_en": other["name_en"], "name_es": other["name_es"]},
        )

    for slug, name_en, name_es in demo_data.TOPICS:
        upsert(Topic, {"slug": slug}, {"name_en": name_en, "name_es": name_es})

    conferences = {}
    for conference in demo_data.CONFERENCES:
        conferences[conference["number"]] = upsert(
            Conference,
            {"number": conference["number"]},
            {
                "city": conference["city"],
                "member_state": states[conference["iso"]],
                "year": conference["year"],
                "start_date": _date(conference["start"]),
                "end_date": _date(conference["end"]),
            },
        )

    for group in demo_data.WORKING_GROUPS:
        working_group = upsert(
            WorkingGroup,
            {"conference": conferences[group["conference"]], "number": group["number"]},
            {
                "name_en": group["name_en"],
                "name_es": group["name_es"] or None,
                "chair": ministries[group["chair"]],
            },
        )
        vice_chairs = {ministries[iso] for iso in group["vice_chairs"]}
        if set(working_group.vice_chairs.all()) != vice_chairs:
            working_group.vice_chairs.set(vice_chairs)

    staff = _demo_user(
        email=DEMO_STAFF_EMAIL,
        full_name="Technical Secretariat (demo)",
        job_title="Program officer, OAS Department of Social Inclusion",
        institution=Institution.objects.get(acronym="OAS"),
        is_staff=True,
        group=Group.objects.get(name=TECHNICAL_SECRETARIAT),
    )
    _demo_recovery_codes(staff)
    _demo_user(
        email=DEMO_FOCAL_POINT_EMAIL,
        full_name="Focal point (demo)",
        job_title="International affairs office",
        institution=ministries["CO"],
        is_focal_point=True,
    )


def _date(value):
    return date.fromisoformat(value) if value else None


def _demo_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Demo recovery codes", defaults={"confirmed": True}
    )
    present = set(device.token_set.values_list("token", flat=True))
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code)
        for code in DEMO_RECOVERY_CODES
        if code not in present
    )


def _demo_user(*, email, group=None, **fields):
    """Create a demo account once; an existing one (maybe with a changed
    password) is left as it is."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=DEMO_PASSWORD, **fields)
    if group is not None and not user.groups.filter(pk=group.pk).exists():
        user.groups.add(group)
    return user
