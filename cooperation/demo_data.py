"""Demo cooperation: two calls, a few needs and requests in each state of the
lifecycle (plain Python, no Django imports).

Drawn from the themes of the seed documents in ``shared/seeds/``:

- 003  (Cartagena, April 2015): "in the RIAL's last call for proposals, there was a
  webinar that allowed for cooperation match-making"; Panama "remains a regional donor
  despite the relatively small size of its Ministry"; Brazil "a leader in south-south
  cooperation"; results "necessary and must be measurable"; pilot programs "in the
  tourism sector in the Dominican Republic and child labor in Panama"; specialized
  training for inspectors in Colombia; inspection procedures in Chile and Paraguay;
  Chile's and Mexico's electronic platform simplifying companies' declarations.
- the real network's 10th call received 41 proposals and selected 5; the demo call
  holds a handful of them.

ILLUSTRATIVE: the activities, amounts, scores, indicators and dates are invented;
each call's description says so. Dates are relative to the day of the first loading
(the calls' opening, closing and webinar days are set then and never moved), so that
one call is open and the final report of a carried-out activity falls due soon.

Keys: a member state's ISO code stands for its ministry of labor; topics are the
directory's slugs; enum values are the strings of ``cooperation.enums``. A request's
``path`` is the list of statuses it went through after the draft, in order.
"""

ILLUSTRATIVE = (
    "Demo data, illustrative: the activities, amounts and dates are invented from the "
    "themes of the Cartagena meeting (April 2015)."
)

PAST_CALL = {
    "key": "past",
    "title_en": "10th RIAL call for cooperation proposals (demo)",
    "title_es": "10ª convocatoria de propuestas de cooperación de la RIAL (demo)",
    "description": (
        "Cooperation activities between Ministries of Labor financed by the Voluntary "
        "Contribution Fund: economy travel and per diems for technical visits to the "
        "providing ministry or by its experts to the beneficiary. The real network's tenth "
        "call received 41 proposals and selected 5; this demo holds a handful of them. "
        + ILLUSTRATIVE
    ),
    "opened_days_ago": 330,
    "open_days": 60,
    "activity_types": [],
    "topics": [
        "labor-inspection",
        "employment-services",
        "alternative-dispute-resolution",
        "child-labor",
    ],
    "max_fund_contribution": "15000.00",
    "envelope": "75000.00",
    "webinar": {
        "slug": "rial-10th-call-match-making-webinar-demo",
        "title_en": "Match-making webinar of the 10th RIAL call (demo)",
        "title_es": "Webinario de búsqueda de socios de la 10ª convocatoria de la RIAL (demo)",
        "days_after_opening": 14,
        "status": "held",
    },
}

OPEN_CALL = {
    "key": "open",
    "title_en": "RIAL call for cooperation proposals, open now (demo)",
    "title_es": "Convocatoria de propuestas de cooperación de la RIAL, abierta (demo)",
    "description": (
        "Proposals between Ministries of Labor of different member states, accepted by the "
        "providing ministry before the Secretariat scores them on relevance, opportunity, "
        "clarity of objectives and commitment of all parties. " + ILLUSTRATIVE
    ),
    "opened_days_ago": 10,
    "open_days": 45,
    "activity_types": ["visit_to_provider", "experts_visit", "virtual_advice", "internship"],
    "topics": ["employment-services", "labor-market-information", "labor-inspection"],
    "max_fund_contribution": "12000.00",
    "envelope": "60000.00",
    "webinar": {
        "slug": "rial-call-match-making-webinar-demo",
        "title_en": "Match-making webinar of the open RIAL call (demo)",
        "title_es": "Webinario de búsqueda de socios de la convocatoria abierta (demo)",
        "days_after_opening": 21,
        "status": "confirmed",
    },
}

CALLS = [PAST_CALL, OPEN_CALL]

NEEDS = [
    {
        "iso": "CO",
        "topic": "alternative-dispute-resolution",
        "title": "Mediation of individual labor disputes",
        "description": (
            "Conciliation hearings are backlogged; the ministry wants a mediation service "
            "with trained mediators and a protocol, before disputes reach the courts."
        ),
        "priority": "high",
        "support_kinds": ["visit_to_provider"],
        "status": "met",
        "is_public": True,
    },
    {
        "iso": "DO",
        "topic": "child-labor",
        "title": "Inspection of child labor in the tourism sector",
        "description": (
            "A pilot program in tourism needs inspection guidelines for child labor and "
            "inspectors trained to apply them."
        ),
        "priority": "high",
        "support_kinds": ["experts_visit", "workshop"],
        "status": "met",
        "is_public": True,
    },
    {
        "iso": "PE",
        "topic": "labor-market-information",
        "title": "A labor market observatory",
        "description": (
            "Regional labor market figures are published late and without analysis; the "
            "ministry wants an observatory that informs employment policy."
        ),
        "priority": "medium",
        "support_kinds": ["visit_to_provider", "virtual_advice"],
        "status": "open",
        "is_public": True,
    },
    {
        "iso": "HN",
        "topic": "employment-services",
        "title": "Counselling model for the public employment service",
        "description": "Job counsellors need a common method and tools to profile job seekers.",
        "priority": "medium",
        "support_kinds": ["virtual_advice"],
        "status": "open",
        "is_public": False,
    },
    {
        "iso": "GT",
        "topic": "labor-inspection",
        "title": "Simplified electronic declarations for companies",
        "description": (
            "Companies file the same labor information on paper several times a year; the "
            "ministry wants one electronic declaration that inspectors can use."
        ),
        "priority": "low",
        "support_kinds": ["visit_to_provider", "virtual_advice"],
        "status": "open",
        "is_public": False,
    },
]

REVIEWED = ["draft", "submitted", "accepted", "under_review"]

REQUESTS = [
    {
        "title": "Colombia learns from Chile's labor mediation system",
        "requester": "CO",
        "provider": "CL",
        "call": "past",
        "need": "Mediation of individual labor disputes",
        "topic": "alternative-dispute-resolution",
        "activity_type": "visit_to_provider",
        "objectives": (
            "Learn how Chile's Labor Directorate runs mediation of individual disputes "
            "(intake, hearings, follow-up of agreements) and adapt its protocol to Colombia's "
            "territorial directorates."
        ),
        "participants_count": 4,
        "participants_profile": (
            "The head of the conciliation unit, two conciliators of the Bogotá directorate "
            "and the officer who will train the others."
        ),
        "summary": (
            "Four officials of Colombia's Ministry of Labor spent a week with Chile's Labor "
            "Directorate to learn its mediation system, and adapted its protocol."
        ),
        "results": [
            (
                "A mediation protocol adapted to Colombia",
                "Protocol adopted by the ministry",
                "No protocol",
                "Protocol adopted",
                "Adopted by ministerial resolution",
            ),
            (
                "Conciliators trained in the Chilean model",
                "Number of conciliators trained",
                "0",
                "40",
                "52",
            ),
        ],
        "budget": [
            ("travel", "Four economy flights Bogotá–Santiago", "6400.00", "0.00", "0.00"),
            ("per_diem", "Four people, five days", "4200.00", "0.00", "0.00"),
            ("other", "Staff time of both ministries", "0.00", "1500.00", "2000.00"),
        ],
        "scores": [5, 5, 4, 5],
        "review": "Clear need, a provider with a long record, measurable results.",
        "decision_reason": "Ranked first: relevant, timely and with both ministries committed.",
        "path": [*REVIEWED, "selected", "approved", "carried_out", "reported", "closed"],
        "start_days_after_close": 80,
        "days": 5,
        "report": {
            "what_was_done": (
                "Five days at the Labor Directorate in Santiago: hearings observed, the case "
                "system shown, a day with the training unit; the protocol drafted on return."
            ),
            "lessons": (
                "Mediation works when the mediator is not the inspector of the same company; "
                "the follow-up call a month after the agreement matters most."
            ),
        },
        "follow_up": {
            "months": 6,
            "change_kinds": ["process_redesign", "staff_training"],
            "description": (
                "The mediation protocol is used in three territorial directorates; 52 "
                "conciliators trained."
            ),
        },
    },
    {
        "title": "Panama's experts support the Dominican Republic's child labor inspection",
        "requester": "DO",
        "provider": "PA",
        "call": "past",
        "need": "Inspection of child labor in the tourism sector",
        "topic": "child-labor",
        "activity_type": "experts_visit",
        "objectives": (
            "Two Panamanian experts of the child labor pilot program help the Dominican "
            "inspectorate write guidelines for inspecting child labor in tourism."
        ),
        "participants_count": 20,
        "participants_profile": "Labor inspectors of the tourist provinces and their heads.",
        "summary": (
            "Panama's Ministry of Labor, a regional provider of cooperation, shares its "
            "experience of inspecting child labor with the Dominican Republic's inspectorate."
        ),
        "results": [
            (
                "Inspection guidelines for child labor in tourism",
                "Guidelines issued",
                "None",
                "Guidelines issued",
                "",
            ),
            ("Inspectors trained", "Number of inspectors trained", "0", "20", ""),
        ],
        "budget": [
            ("travel", "Two economy flights Panama–Santo Domingo", "1800.00", "0.00", "0.00"),
            ("per_diem", "Two experts, eight days", "5600.00", "0.00", "0.00"),
            ("materials", "Printed guidelines", "1800.00", "600.00", "0.00"),
        ],
        "scores": [5, 4, 4, 5],
        "review": "A well-known pilot; the provider offers its experts' time.",
        "decision_reason": "Ranked second; Panama co-finances its experts' time.",
        "path": [*REVIEWED, "selected", "approved", "carried_out"],
        "start_days_ago": 38,
        "days": 8,
    },
    {
        "title": "Panama shares its employment-service counselling model with Honduras",
        "requester": "HN",
        "provider": "PA",
        "call": "past",
        "need": "Counselling model for the public employment service",
        "topic": "employment-services",
        "activity_type": "virtual_advice",
        "objectives": (
            "Six sessions of virtual advice on profiling job seekers and counselling them, "
            "with the tools Panama's employment service uses."
        ),
        "participants_count": 12,
        "participants_profile": "Job counsellors of the national employment service.",
        "summary": (
            "Virtual advice from Panama's employment service to Honduras's job counsellors."
        ),
        "results": [
            (
                "A counselling method in use",
                "Employment offices using the method",
                "0",
                "6",
                "",
            ),
        ],
        "budget": [
            ("materials", "Adapting the profiling tools", "2400.00", "500.00", "500.00"),
            ("other", "Interpretation of two sessions", "1200.00", "0.00", "0.00"),
        ],
        "scores": [4, 4, 4, 4],
        "review": "Modest cost; results should count the job seekers counselled too.",
        "decision_reason": "Ranked third; low cost for a wide reach.",
        "path": [*REVIEWED, "selected", "approved"],
        "start_days_ahead": 20,
        "days": 30,
    },
    {
        "title": "Paraguay learns Chile's inspection procedures and criteria",
        "requester": "PY",
        "provider": "CL",
        "call": "past",
        "topic": "labor-inspection",
        "activity_type": "visit_to_provider",
        "objectives": (
            "Learn how Chile's inspection procedures and its criteria for interpreting "
            "regulations are written, kept up to date and taught to inspectors."
        ),
        "participants_count": 3,
        "participants_profile": "The head of inspection and two senior inspectors.",
        "results": [
            (
                "An inspection procedures manual",
                "Manual approved",
                "No manual",
                "Manual approved",
                "",
            ),
        ],
        "budget": [
            ("travel", "Three economy flights Asunción–Santiago", "3300.00", "0.00", "0.00"),
            ("per_diem", "Three people, five days", "3150.00", "0.00", "0.00"),
        ],
        "scores": [4, 4, 3, 4],
        "review": "Relevant; the objectives could say which procedures first.",
        "decision_reason": (
            "Ranked sixth: on the waiting list, within reach if a selected activity costs "
            "less than planned."
        ),
        "path": [*REVIEWED, "waitlisted"],
        "start_days_after_close": 120,
        "days": 5,
    },
    {
        "title": "Guatemala learns Mexico's electronic platform for companies' declarations",
        "requester": "GT",
        "provider": "MX",
        "call": "past",
        "need": "Simplified electronic declarations for companies",
        "topic": "labor-inspection",
        "activity_type": "visit_to_provider",
        "objectives": "Know the platform.",
        "participants_count": 6,
        "participants_profile": "Directors of the ministry and advisers.",
        "results": [
            ("The platform known", "Visit made", "—", "Visit made", ""),
        ],
        "budget": [
            ("travel", "Six economy flights", "7800.00", "0.00", "0.00"),
            ("per_diem", "Six people, four days", "6600.00", "0.00", "0.00"),
        ],
        "scores": [3, 3, 2, 3],
        "review": "The indicator measures the visit, not a change; the delegation is political.",
        "decision_reason": (
            "Not selected: the objectives and results do not say what would change in the "
            "ministry, and the participants should be the technical staff who would apply it. "
            "A revised proposal is welcome in the next call."
        ),
        "path": [*REVIEWED, "rejected"],
        "start_days_after_close": 100,
        "days": 4,
    },
    {
        "title": "Peru learns Argentina's labor market observatory",
        "requester": "PE",
        "provider": "AR",
        "call": "open",
        "need": "A labor market observatory",
        "topic": "labor-market-information",
        "activity_type": "visit_to_provider",
        "objectives": (
            "Learn how Argentina's observatory of employment and business dynamics builds its "
            "series from administrative records and publishes them."
        ),
        "participants_count": 3,
        "participants_profile": "Statisticians and the head of the labor statistics office.",
        "results": [
            (
                "Regional labor market bulletins",
                "Regions with a quarterly bulletin",
                "0",
                "5",
                "",
            ),
        ],
        "budget": [
            ("travel", "Three economy flights Lima–Buenos Aires", "2700.00", "0.00", "0.00"),
            ("per_diem", "Three people, five days", "3300.00", "0.00", "800.00"),
        ],
        "path": ["draft", "submitted", "accepted", "under_review"],
        "start_days_ahead": 90,
        "days": 5,
    },
    {
        "title": "Ecuador learns Colombia's specialized training of labor inspectors",
        "requester": "EC",
        "provider": "CO",
        "call": "open",
        "topic": "labor-inspection",
        "activity_type": "internship",
        "objectives": (
            "Two Ecuadorian inspectors join Colombia's specialized training of inspectors for "
            "three weeks, to design Ecuador's own by campaign and sector."
        ),
        "participants_count": 2,
        "participants_profile": "Inspectors in charge of training at the inspectorate.",
        "results": [
            (
                "A specialized training plan for inspectors",
                "Training plan approved",
                "General training only",
                "Plan approved",
                "",
            ),
        ],
        "budget": [
            ("travel", "Two economy flights Quito–Bogotá", "1000.00", "0.00", "0.00"),
            ("per_diem", "Two people, 21 days", "7140.00", "0.00", "0.00"),
        ],
        "path": ["draft", "submitted"],
        "start_days_ahead": 100,
        "days": 21,
    },
    {
        "title": "Colombia learns Brazil's public employment service network",
        "requester": "CO",
        "provider": "BR",
        "call": "open",
        "topic": "employment-services",
        "activity_type": "visit_to_provider",
        "objectives": (
            "Learn how Brazil's national employment system links job placement, "
            "unemployment insurance and vocational training in one service."
        ),
        "participants_count": 3,
        "participants_profile": "Heads of the public employment service's units.",
        "results": [
            (
                "A single-window design for the employment service",
                "Design approved",
                "Three separate services",
                "Design approved",
                "",
            ),
        ],
        "budget": [
            ("travel", "Three economy flights Bogotá–Brasília", "3600.00", "0.00", "0.00"),
            ("per_diem", "Three people, five days", "3000.00", "0.00", "0.00"),
        ],
        "path": ["draft"],
        "start_days_ahead": 120,
        "days": 5,
    },
    # A request whose final report waits for the Secretariat's check, so that the
    # admin's front page has one: the demo focal point's ministry (Colombia) is
    # the provider and reports. Seed 003 lists "specialized training for
    # inspectors in Colombia, Peru, Chile and Uruguay"; the rest is illustrative.
    {
        "title": "Colombia trains Peru's labor inspectors in campaign-based inspection",
        "requester": "PE",
        "provider": "CO",
        "call": "past",
        "topic": "labor-inspection",
        "activity_type": "visit_to_provider",
        "objectives": (
            "Three Peruvian inspectors learn how Colombia's inspection school trains inspectors "
            "for each campaign and sector, and adapt its course plan."
        ),
        "participants_count": 3,
        "participants_profile": "Inspectors in charge of training in Peru's labor inspectorate.",
        "summary": (
            "Peru's inspectorate spent five days at Colombia's inspection school to adapt its "
            "campaign-based course plan."
        ),
        "results": [
            ("A course plan adapted to Peru", "Course plan adopted", "None", "Adopted", "Adopted"),
            ("Inspectors trained on return", "Number of inspectors trained", "0", "30", "34"),
        ],
        "budget": [
            ("travel", "Three economy flights Lima–Bogotá", "2400.00", "0.00", "0.00"),
            ("per_diem", "Three people, five days", "2700.00", "0.00", "0.00"),
        ],
        "scores": [4, 4, 5, 4],
        "review": "A concrete course plan, and Peru commits to train thirty inspectors.",
        "decision_reason": "Ranked fourth: modest cost and a clear multiplier effect.",
        "path": [*REVIEWED, "selected", "approved", "carried_out", "reported"],
        "start_days_ago": 70,
        "days": 5,
        "report": {
            "what_was_done": (
                "Five days at the inspection school in Bogotá: two courses observed, the course "
                "plan and its materials shared; Peru's plan drafted on return (illustrative)."
            ),
            "lessons": "Training per campaign works when each course ends with a supervised visit.",
        },
    },
]


# What a Spanish reader sees first of each activity (its title and summary), by the
# English title: the activities are written in English above, the portal shows them
# in the reader's language.
SPANISH = {
    "Colombia learns from Chile's labor mediation system": (
        "Colombia aprende del sistema de mediación laboral de Chile",
        "Cuatro funcionarios del Ministerio del Trabajo de Colombia pasaron una semana en la "
        "Dirección del Trabajo de Chile para conocer su sistema de mediación y adaptaron su "
        "protocolo.",
    ),
    "Panama's experts support the Dominican Republic's child labor inspection": (
        "Expertos de Panamá apoyan la inspección del trabajo infantil en la República Dominicana",
        "El Ministerio de Trabajo de Panamá, proveedor regional de cooperación, comparte su "
        "experiencia en la inspección del trabajo infantil con la inspección del trabajo de la "
        "República Dominicana.",
    ),
    "Panama shares its employment-service counselling model with Honduras": (
        "Panamá comparte con Honduras su modelo de orientación del servicio de empleo",
        "Asesoría virtual del servicio de empleo de Panamá a los orientadores laborales de "
        "Honduras.",
    ),
    "Paraguay learns Chile's inspection procedures and criteria": (
        "Paraguay conoce los procedimientos y criterios de inspección de Chile",
        "",
    ),
    "Guatemala learns Mexico's electronic platform for companies' declarations": (
        "Guatemala conoce la plataforma electrónica de México para las declaraciones de las "
        "empresas",
        "",
    ),
    "Peru learns Argentina's labor market observatory": (
        "Perú conoce el observatorio del mercado de trabajo de Argentina",
        "",
    ),
    "Ecuador learns Colombia's specialized training of labor inspectors": (
        "Ecuador conoce la formación especializada de los inspectores del trabajo de Colombia",
        "",
    ),
    "Colombia learns Brazil's public employment service network": (
        "Colombia conoce la red pública de servicios de empleo de Brasil",
        "",
    ),
    "Colombia trains Peru's labor inspectors in campaign-based inspection": (
        "Colombia forma a inspectores del trabajo de Perú en la inspección por campañas",
        "La inspección del trabajo de Perú pasó cinco días en la escuela de inspección de "
        "Colombia para adaptar su plan de cursos por campaña.",
    ),
}

ILLUSTRATIVE_ES = (
    "Datos de demostración, ilustrativos: las actividades, los montos y las fechas se "
    "inventaron a partir de los temas de la reunión de Cartagena (abril de 2015)."
)

# The calls' descriptions in Spanish, by the call's key.
CALL_DESCRIPTIONS_ES = {
    "past": (
        "Actividades de cooperación entre Ministerios de Trabajo financiadas por el Fondo de "
        "Aportes Voluntarios: pasajes en clase económica y viáticos para visitas técnicas al "
        "ministerio proveedor o de sus expertos al beneficiario. La décima convocatoria de la "
        "red real recibió 41 propuestas y seleccionó 5; esta demostración recoge algunas de "
        "ellas. " + ILLUSTRATIVE_ES
    ),
    "open": (
        "Propuestas entre Ministerios de Trabajo de distintos Estados miembros, aceptadas por "
        "el ministerio proveedor antes de que la Secretaría las califique según su "
        "pertinencia, oportunidad, claridad de objetivos y compromiso de todas las partes. "
        + ILLUSTRATIVE_ES
    ),
}

WEBINAR_DESCRIPTION = (
    "Ministries that need cooperation meet those that offer it, before proposals are "
    "written. " + ILLUSTRATIVE
)
WEBINAR_DESCRIPTION_ES = (
    "Los ministerios que necesitan cooperación se encuentran con los que la ofrecen, antes "
    "de redactar las propuestas. " + ILLUSTRATIVE_ES
)
