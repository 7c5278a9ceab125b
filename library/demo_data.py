"""The Library's demo items, as the seed documents tell them (in
/work/shared/seeds: 000 the report of the first meeting of Working Group 2
of the XIII IACML, Washington, May 2004; 001 the history of the RIAL; 002
the report of Working Group 2 of the XII IACML, 2003; 003 the report of the
second meeting of Working Group 2 of the XVIII IACML, Cartagena, April 29,
2015).

Owners and authoring institutions are the directory's acronyms (network's
demo data); meetings are meetings' demo slugs; meeting documents, their
symbols. The files are generated placeholders (placeholders.py)."""

ITEMS = [
    {
        # 000 (the four experts in charge: Roger Lecourt, Carlos Alberto Ramos,
        # Bernardo Ardavín and Elfid Torres; appendix: the progress report
        # presented on May 13, 2004, with six options) and 001 (experts
        # appointed by the troika drafted it from February to October 2004;
        # two options offered at the end).
        "slug": "feasibility-study-cooperation-mechanism-labour-administration",
        "kind": "study",
        "language": "en",
        "title_en": (
            "Feasibility Study for an Inter-American Cooperation Mechanism for "
            "Professional Labour Administration"
        ),
        "title_es": (
            "Estudio de factibilidad de un mecanismo interamericano de cooperación para "
            "la administración laboral profesional"
        ),
        "abstract_en": (
            "Requested by the Plan of Action of the XIII IACML and administered by the "
            "Technical Secretariat, the study was drafted between February and October 2004 "
            "by experts appointed by the IACML troika (Canada, Brazil and Mexico). Its "
            "progress report presented six options for a cooperative mechanism, from "
            "sub-regional networks to an Inter-American Institute; the study concluded with "
            "two: an Inter-American Labor Administration Network and an Inter-American "
            "Center for Labor Administration."
        ),
        "abstract_es": (
            "Solicitado por el Plan de Acción de la XIII CIMT y administrado por la "
            "Secretaría Técnica, el estudio fue redactado entre febrero y octubre de 2004 "
            "por expertos designados por la troika de la CIMT (Canadá, Brasil y "
            "México). Su informe de avance presentó seis opciones de mecanismo cooperativo, "
            "desde redes subregionales hasta un Instituto Interamericano; el estudio "
            "concluyó con dos: una Red Interamericana para la Administración Laboral y un "
            "Centro Interamericano para la Administración Laboral."
        ),
        "published_on": "2004-10-01",
        "date_precision": "month",
        "owner": "OAS",
        "authors": [
            ("Lecourt", "Roger"),
            ("Ramos", "Carlos Alberto"),
            ("Ardavín", "Bernardo"),
            ("Torres", "Elfid"),
        ],
        "commissioned_by": ["OAS"],
        "conference": 13,
        "working_group": 2,
        "meeting": "wg2-meeting-washington-2004",
        "member_states": ["CA", "BR", "MX"],
        "topics": [],
        "documents": [],
        "files": ["en", "es"],
    },
    {
        # 003: the Technical Secretariat's report on the RIAL in Cartagena.
        "slug": "report-results-activities-rial-2006-2015",
        "kind": "report",
        "language": "en",
        "identifier": "CIMT-18/GT1-GT2/doc.6/15",
        "title_en": "Report on the results and activities of the RIAL, 2006-2015",
        "title_es": "Informe sobre los resultados y actividades de la RIAL, 2006-2015",
        "abstract_en": (
            "The Technical Secretariat's account of the RIAL's first ten years: "
            "south-south cooperation strengthened, experiences and knowledge of the "
            "Ministries of Labor consolidated, new programs and improved ones, support for "
            "new agencies and offices."
        ),
        "abstract_es": (
            "El balance de la Secretaría Técnica de los primeros diez años de la RIAL: "
            "cooperación sur-sur fortalecida, experiencias y conocimientos de los "
            "Ministerios de Trabajo consolidados, programas nuevos y mejorados, apoyo a la "
            "creación de organismos y oficinas."
        ),
        "published_on": "2015-04-29",
        "date_precision": "day",
        "owner": "OAS",
        "authors": [],
        "commissioned_by": [],
        "conference": 18,
        "working_group": 2,
        "meeting": "wg2-meeting-cartagena-2015",
        "member_states": [],
        "topics": [],
        "documents": ["CIMT-18/GT1-GT2/doc.6/15"],
        "files": ["en", "es"],
    },
    {
        # 003: US$467,815 received since 2011, US$538,832 spent, US$56,983 left.
        "slug": "report-state-voluntary-contribution-fund-2015",
        "kind": "report",
        "language": "en",
        "identifier": "CIMT-18/GT1-GT2/doc.7/15",
        "title_en": "Report on the state of the Voluntary Contribution Fund of the RIAL",
        "title_es": "Informe sobre el estado del Fondo de Aportes Voluntarios de la RIAL",
        "abstract_en": (
            "Financial contributions of US$467,815 since 2011 (US$267,815 from 15 countries "
            "and US$200,000 from Canada) and US$128,000 in kind; US$538,832 spent, a balance "
            "of US$56,983 against a minimum annual budget of US$120,000."
        ),
        "abstract_es": (
            "Aportes financieros de US$467.815 desde 2011 (US$267.815 de 15 países y "
            "US$200.000 de Canadá) y US$128.000 en especie; US$538.832 gastados, un saldo "
            "de US$56.983 frente a un presupuesto anual mínimo de US$120.000."
        ),
        "published_on": "2015-04-29",
        "date_precision": "day",
        "owner": "OAS",
        "authors": [],
        "commissioned_by": [],
        "conference": 18,
        "working_group": 2,
        "meeting": "wg2-meeting-cartagena-2015",
        "member_states": [],
        "topics": [],
        "documents": ["CIMT-18/GT1-GT2/doc.7/15"],
        "files": ["en", "es"],
    },
    {
        # 000: the ILO could study the results of the Labor Panorama 2003.
        "slug": "labor-panorama-2003-latin-america-caribbean",
        "kind": "publication",
        "language": "es",
        "title_en": "Labor Panorama 2003 for Latin America and the Caribbean",
        "title_es": "Panorama Laboral 2003 de América Latina y el Caribe",
        "abstract_en": "",
        "abstract_es": "",
        "published_on": "2003-01-01",
        "date_precision": "year",
        "owner": "ILO",
        "authors": [],
        "commissioned_by": [],
        "conference": None,
        "working_group": None,
        "meeting": None,
        "member_states": [],
        "topics": ["labor-market-information"],
        "documents": [],
        "files": ["es"],
    },
    {
        # 003: up to US$5,000 approved in Cartagena for a commemorative
        # publication, to be celebrated at the XIX IACML in November 2015:
        # still being prepared, so a draft only the Secretariat sees.
        "slug": "rial-10th-anniversary-publication",
        "kind": "publication",
        "language": "es",
        "title_en": "Commemorative publication for the RIAL's 10th anniversary",
        "title_es": "Publicación conmemorativa del décimo aniversario de la RIAL",
        "abstract_en": (
            "The Network's accomplishments to date, for the Ministries of Labor to "
            "showcase the RIAL, its objectives and results."
        ),
        "abstract_es": (
            "Los logros de la Red hasta la fecha, para que los Ministerios de Trabajo "
            "den a conocer la RIAL, sus objetivos y resultados."
        ),
        "published_on": "2015-11-01",
        "date_precision": "month",
        "owner": "OAS",
        "authors": [],
        "commissioned_by": [],
        "conference": 18,
        "working_group": 2,
        "meeting": "wg2-meeting-cartagena-2015",
        "member_states": [],
        "topics": [],
        "documents": [],
        "files": [],
        "draft": True,
    },
    {
        # 002: the XII IACML-ILO Project on Principles and Rights at Work
        # "assembled a comprehensive inventory of current labor-related
        # multilateral and bilateral assistance projects and donor agencies
        # operating in the hemisphere"; the Working Group asked that it be
        # maintained and made accessible (2003), and 000 plans its update
        # (May 2004). Dated by the report that presents it; its working group
        # (WG2 of the XII IACML) and meetings (Santo Domingo 2002, Montevideo
        # 2003) are not in the demo's directory.
        "slug": "ilo-inventory-technical-assistance-cooperation-projects",
        "kind": "report",
        "language": "en",
        "title_en": "Inventory of technical assistance and cooperation projects",
        "title_es": "Inventario de proyectos de asistencia técnica y cooperación",
        "abstract_en": (
            "A comprehensive inventory of the labor-related multilateral and bilateral "
            "assistance projects and donor agencies operating in the hemisphere, compiled by "
            "the XII IACML-ILO Project on Principles and Rights at Work for Working Group 2, "
            "to match the Ministries' capacity-building needs with available resources."
        ),
        "abstract_es": (
            "Un inventario completo de los proyectos de asistencia multilaterales y "
            "bilaterales en materia laboral y de las agencias donantes que operan en el "
            "hemisferio, elaborado por el Proyecto OIT-XII CIMT sobre Principios y Derechos "
            "en el Trabajo para el Grupo de Trabajo 2, para vincular las necesidades de "
            "fortalecimiento de los Ministerios con los recursos disponibles."
        ),
        "published_on": "2003-01-01",
        "date_precision": "year",
        "owner": "ILO",
        "authors": [],
        "commissioned_by": [],
        "conference": None,
        "working_group": None,
        "meeting": None,
        "member_states": [],
        "topics": [],
        "documents": [],
        "files": ["en"],
    },
    {
        # 000: Working Group 2, "in collaboration with Working Group 1, could
        # develop an approach to study the relationship between globalization
        # and informal work" (preliminary conclusions, May 2004). The seeds
        # never show it finished: a draft only the Secretariat sees.
        "slug": "study-globalization-informal-work",
        "kind": "study",
        "language": "en",
        "title_en": "Study on the relationship between globalization and informal work",
        "title_es": "Estudio sobre la relación entre la globalización y el trabajo informal",
        "abstract_en": (
            "Best practices in labor inspection, labor relations and other areas, and "
            "information on centres for employer productivity, proposed by Working Group 2 "
            "with Working Group 1 of the XIII IACML."
        ),
        "abstract_es": (
            "Buenas prácticas en inspección del trabajo, relaciones laborales y otros "
            "ámbitos, e información sobre centros de productividad para empleadores, "
            "propuesto por el Grupo de Trabajo 2 con el Grupo de Trabajo 1 de la XIII CIMT."
        ),
        "published_on": "2004-01-01",
        "date_precision": "year",
        "owner": "OAS",
        "authors": [],
        "commissioned_by": [],
        "conference": 13,
        "working_group": 2,
        "meeting": "wg2-meeting-washington-2004",
        "member_states": [],
        "topics": ["informal-economy"],
        "documents": [],
        "files": [],
        "draft": True,
    },
]

# Waiting for the Secretariat's review, so that the admin's front page has a
# publication to review: the demo focal point's ministry (Colombia) proposes
# one. Seed 003: "The Special Commission for the Treatment of Conflicts
# (CETCOIT) in Colombia is a good example" (Cartagena, April 29, 2015).
# ILLUSTRATIVE: the publication itself, its text and its date.
SUBMITTED_PROPOSAL = {
    "owner": "CO",
    "kind": "publication",
    "language": "es",
    "title_en": (
        "The Special Commission for the Treatment of Conflicts (CETCOIT): Colombia's "
        "experience (demo)"
    ),
    "title_es": (
        "La Comisión Especial de Tratamiento de Conflictos (CETCOIT): la experiencia de "
        "Colombia (demo)"
    ),
    "abstract_en": "",
    "abstract_es": (
        "Cómo la comisión tripartita previene y resuelve conflictos laborales antes de que "
        "se conviertan en quejas (publicación ilustrativa de la demostración, a la espera de "
        "la revisión de la Secretaría Técnica)."
    ),
    "published_on": "2015-01-01",
    "date_precision": "year",
    "topics": ["social-dialogue"],
    "files": ["es"],
}
