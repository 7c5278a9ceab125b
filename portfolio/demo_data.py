"""Demo programs of the RIAL Program Portfolio (plain Python, no Django imports).

The programs are drawn from the five seed documents in ``shared/seeds/`` (meeting reports
of the Inter-American Conference of Ministers of Labor, IACML). Each program names the
seed it comes from in its ``"seed"`` key and in ``# source: 00X`` comments, where ``00X``
is the file-name prefix:

- 000 = Report of the first meeting of Working Group 2 after the XIII IACML
  (OAS Headquarters, Washington D.C., May 13-14, 2004)
- 001 = Report of the Technical Secretariat to the XIV IACML (2005)
- 002 = Final report of Working Group 2 "Building the Capacity of Labor Ministries"
  under the XII IACML (meetings of 2002 and 2003)
- 003 = Report of the second meeting of Working Group 2 of the XVIII IACML
  (Cartagena, Colombia, April 29, 2015)
- 004 = Conclusions of the IACML Planning Meeting (Washington D.C., December 15-16, 2005)

Conventions:

- ``owner`` is the ISO 3166-1 alpha-2 code of the member state whose Ministry of Labor
  (or a body under it) owns the program.
- ``language`` is the language of the program's own text (``title``, ``summary`` and
  the long texts); ``title_en``/``title_es`` and ``summary_en``/``summary_es`` are the
  English and Spanish versions (one of each pair equals the original unless the
  program is in Portuguese).
- ``indicators`` only hold figures stated in the seeds; ``value`` is a string as stated.
- Where the seeds do not give a start year, ``start_year`` is a plausible year no later
  than the seed and the entry says so in a comment.
- ``contact_role`` is a role title only: the loader makes the office holder the contact
  (its name is the role; no separate role).
"""

PROGRAMS = [
    # -----------------------------------------------------------------------
    # Alternative dispute resolution (Panel 4 of the WG2 meeting of May 2004)
    # -----------------------------------------------------------------------
    {
        # source: 000 (presentation by an Advisor of the Ministry of Labor of El Salvador)
        "owner": "SV",
        "language": "es",
        "title": "Servicio Especializado de Conciliación Laboral",
        "title_en": "Specialized Labor Conciliation Service",
        "title_es": "Servicio Especializado de Conciliación Laboral",
        "summary": (
            "El Servicio Especializado de Conciliación Laboral de El Salvador se apoya en dos "
            "mecanismos de solución de conflictos: el arreglo extrajudicial en la "
            "administración del trabajo y la vía judicial de los tribunales de trabajo. En "
            "2003, con apoyo de la OIT, se revisó el sistema nacional de solución de "
            "conflictos y un taller tripartito adoptó un plan de acción para fortalecer la "
            "conciliación laboral con técnicas modernas y sobre la base del consenso tripartito."
        ),
        "summary_en": (
            "El Salvador's Specialized Labor Conciliation Service rests on two dispute "
            "resolution mechanisms: extra-judicial settlement under the labor administration "
            "and the judicial route of the Labor Courts. In 2003, with ILO support, the "
            "national conflict resolution system was reviewed and a tripartite workshop "
            "adopted a plan of action to strengthen labor conciliation with modern techniques "
            "and on the basis of tripartite consensus."
        ),
        "summary_es": (
            "El Servicio Especializado de Conciliación Laboral de El Salvador se apoya en dos "
            "mecanismos de solución de conflictos: el arreglo extrajudicial en la "
            "administración del trabajo y la vía judicial de los tribunales de trabajo. En "
            "2003, con apoyo de la OIT, se revisó el sistema nacional de solución de "
            "conflictos y un taller tripartito adoptó un plan de acción para fortalecer la "
            "conciliación laboral con técnicas modernas y sobre la base del consenso tripartito."
        ),
        "objectives": (
            "Promover y desarrollar los métodos de conciliación en la administración del "
            "trabajo, aplicando técnicas modernas y sobre la base del consenso tripartito."
        ),
        "target_population": (
            "Trabajadores y empleadores en conflicto laboral, así como el personal conciliador "
            "del Ministerio de Trabajo."
        ),
        "main_activities": (
            "Programas permanentes de capacitación, promoción de los servicios de mediación y "
            "conciliación, fortalecimiento del tripartismo, mejora de las instalaciones "
            "físicas y evaluación continua de los servicios. El plan de acción prevé además "
            "acuerdos con la Procuraduría General de la República y la elaboración de un "
            "manual de conciliación."  # seed: "agreements with the Attorney General's office"
        ),
        "results": (
            "El diagnóstico del sistema nacional de solución de conflictos, realizado con "
            "apoyo de la OIT, fue adoptado en un taller tripartito y dio lugar a un plan de "
            "acción para fortalecer la conciliación laboral. En 2004 ya se estaban dando los "
            "pasos para fortalecer el servicio; los documentos no aportan cifras."
        ),
        "indicators": [],
        "start_year": 2003,  # source: 000 (2003 review and plan of action; service is older)
        "implementation_status": "ongoing",
        "topics": ["alternative-dispute-resolution", "social-dialogue"],
        "target_groups": ["workers", "employers", "ministry-staff"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Diagnóstico tripartito y plan de acción para fortalecer la conciliación "
                    "laboral, incluido el manual de conciliación previsto."
                ),
            },
            {
                "kind": "technical_visit",
                "description": (
                    "Visita técnica para conocer el funcionamiento del servicio de conciliación "
                    "y su programa permanente de capacitación."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Jefe/a del Servicio Especializado de Conciliación Laboral",
        "seed": "000",
    },
    {
        # source: 000 (presentation by the Ministry of Labor and Social Protection of Chile)
        "owner": "CL",
        "language": "es",
        "title": "Sistema de Mediación Laboral de la Dirección del Trabajo",
        "title_en": "Labor Mediation System of the Labor Directorate",
        "title_es": "Sistema de Mediación Laboral de la Dirección del Trabajo",
        "summary": (
            "El sistema de mediación laboral de Chile, creado en 2002, funciona bajo la "
            "Dirección del Trabajo y cuenta, entre otros, con centros de mediación y "
            "conciliación laboral para conflictos individuales y colectivos. En la mediación, "
            "un tercero actúa como moderador que facilita la comunicación para que las partes "
            "encuentren soluciones. En 2002, el 70% de las mediaciones terminó en acuerdo."
        ),
        "summary_en": (
            "Chile's labor mediation system, created in 2002, operates under the Labor "
            "Directorate and includes, among other things, centres for labor mediation and "
            "conciliation for individual and collective conflicts. In mediation, a third party "
            "acts as a moderator who facilitates communication so that the parties can find "
            "solutions. In 2002, 70% of all mediations ended in agreements."
        ),
        "summary_es": (
            "El sistema de mediación laboral de Chile, creado en 2002, funciona bajo la "
            "Dirección del Trabajo y cuenta, entre otros, con centros de mediación y "
            "conciliación laboral para conflictos individuales y colectivos. En la mediación, "
            "un tercero actúa como moderador que facilita la comunicación para que las partes "
            "encuentren soluciones. En 2002, el 70% de las mediaciones terminó en acuerdo."
        ),
        "objectives": (
            "Introducir una cultura de diálogo y colaboración en las relaciones laborales "
            "mediante un enfoque no confrontacional, buscar acuerdos y soluciones a los "
            "conflictos colectivos y contribuir al desarrollo armónico de las relaciones "
            "laborales."
        ),
        "target_population": (
            "Trabajadores y empleadores involucrados en conflictos laborales individuales y "
            "colectivos."
        ),
        "main_activities": (
            "Mediación a cargo de un equipo nacional de funcionarios de la Dirección del "
            "Trabajo especialmente capacitados en técnicas de mediación, y atención en los "
            "centros de mediación y conciliación laboral."
        ),
        "results": (
            "En 2002, año de su creación, el 70% de todas las mediaciones terminó en acuerdo."
        ),
        "indicators": [
            {"name": "Mediaciones que terminaron en acuerdo", "value": "70%", "year": 2002},
        ],
        "start_year": 2002,  # source: 000
        "implementation_status": "ongoing",
        "topics": ["alternative-dispute-resolution", "social-dialogue"],
        "target_groups": ["workers", "employers"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Taller sobre técnicas de mediación laboral a cargo del equipo nacional de "
                    "mediadores de la Dirección del Trabajo."
                ),
            },
            {
                "kind": "technical_visit",
                "description": (
                    "Visita a los centros de mediación y conciliación laboral de la Dirección "
                    "del Trabajo."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Encargado/a de Mediación Laboral, Dirección del Trabajo",
        "seed": "000",
    },
    {
        # source: 000 (presentation by the Regional Director, FMCS, HRSDC)
        "owner": "CA",
        "language": "en",
        "title": ("Preventive Mediation Program of the Federal Mediation and Conciliation Service"),
        "title_en": (
            "Preventive Mediation Program of the Federal Mediation and Conciliation Service"
        ),
        "title_es": (
            "Programa de Mediación Preventiva del Servicio Federal de Mediación y Conciliación"
        ),
        "summary": (
            "The Federal Mediation and Conciliation Service (FMCS) of Human Resources and "
            "Skills Development Canada is a small directorate of 15 mediators working across "
            "the country with companies under the federal Labour Code, mainly in "
            "transportation and telecommunications. Besides conciliation and mediation, it "
            "runs a pro-active preventive mediation program during collective negotiations "
            "to strengthen relations between employers and workers and improve their "
            "negotiating capacity."
        ),
        "summary_en": (
            "The Federal Mediation and Conciliation Service (FMCS) of Human Resources and "
            "Skills Development Canada is a small directorate of 15 mediators working across "
            "the country with companies under the federal Labour Code, mainly in "
            "transportation and telecommunications. Besides conciliation and mediation, it "
            "runs a pro-active preventive mediation program during collective negotiations "
            "to strengthen relations between employers and workers and improve their "
            "negotiating capacity."
        ),
        "summary_es": (
            "El Servicio Federal de Mediación y Conciliación (FMCS) del Ministerio de Recursos "
            "Humanos y Desarrollo de Competencias de Canadá es una pequeña dirección de 15 "
            "mediadores que trabajan en todo el país con empresas sujetas al Código Federal "
            "del Trabajo, principalmente de transporte y telecomunicaciones. Además de la "
            "conciliación y la mediación, ejecuta un programa proactivo de mediación "
            "preventiva durante la negociación colectiva para fortalecer las relaciones entre "
            "empleadores y trabajadores y mejorar su capacidad de negociación."
        ),
        "objectives": (
            "Strengthen relations between employers and workers and improve their negotiating "
            "capacity through a pro-active program that runs during collective negotiations."
        ),
        "target_population": (
            "Employers and workers of companies that operate under the federal Labour Code in "
            "all provinces, mainly in the transportation and telecommunications sectors."
        ),
        "main_activities": (
            "Relationship by Objectives, Committee Effectiveness, training in negotiation "
            "skills and facilitation, collaborative problem-solving, grievance resolution and "
            "training of supervisors. These complement mandatory conciliation (60 days, "
            "extendable, before a strike), a 21-day mediation period, grievance mediation, "
            "the appointment of arbitrators and a labour-management partnerships program."
        ),
        "results": (
            "Committee Effectiveness is reported as the most effective of the related "
            "programs, while Relationship by Objectives, meant to repair relations that had "
            "deteriorated drastically before conciliation, is not often used. The seeds give "
            "no other figures."
        ),
        "indicators": [
            {"name": "Mediators in the FMCS", "value": "15", "year": 2004},
        ],
        "start_year": 2004,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["alternative-dispute-resolution", "social-dialogue"],
        "target_groups": ["employers", "workers"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Training workshop on negotiation skills, facilitation and collaborative "
                    "problem-solving drawn from the preventive mediation program."
                ),
            },
            {
                "kind": "documentation",
                "description": (
                    "Documentation on the Relationship by Objectives and Committee "
                    "Effectiveness programs."
                ),
            },
        ],
        "documentation_languages": ["en", "fr"],
        "contact_role": "Regional Director, Federal Mediation and Conciliation Service",
        "seed": "000",
    },
    {
        # source: 000 (presentation by the Assistant Chief Labor Officer, Ministry of Labor
        # and Social Security of Barbados)
        "owner": "BB",
        "language": "en",
        "title": "Voluntary Conciliation of Individual and Collective Labour Disputes",
        "title_en": "Voluntary Conciliation of Individual and Collective Labour Disputes",
        "title_es": "Conciliación voluntaria de conflictos laborales individuales y colectivos",
        "summary": (
            "Industrial relations in Barbados are characterized by minimal State intervention "
            "and by legal policies that make collective bargaining the principal method of "
            "labour regulation. In practice, conciliation is the method employed to resolve "
            "individual and collective disputes; the process is open and voluntary, since the "
            "parties decide whether to submit to it."
        ),
        "summary_en": (
            "Industrial relations in Barbados are characterized by minimal State intervention "
            "and by legal policies that make collective bargaining the principal method of "
            "labour regulation. In practice, conciliation is the method employed to resolve "
            "individual and collective disputes; the process is open and voluntary, since the "
            "parties decide whether to submit to it."
        ),
        "summary_es": (
            "Las relaciones laborales en Barbados se caracterizan por una intervención mínima "
            "del Estado y por políticas legales que hacen de la negociación colectiva el "
            "principal método de regulación laboral. En la práctica, la conciliación es el "
            "método empleado para resolver los conflictos individuales y colectivos; el "
            "proceso es abierto y voluntario, pues las partes deciden si se someten a él."
        ),
        "objectives": (
            "Resolve individual and collective labour disputes through an open and voluntary "
            "conciliation process that supports collective bargaining as the principal method "
            "of labour regulation."
        ),
        "target_population": "Employers and workers involved in individual or collective disputes.",
        "main_activities": (
            "Conciliation sessions held off the record: the parties may not later refer to "
            "what they said, and if the process fails they may return to their original "
            "positions."
        ),
        "results": (
            "The seeds describe conciliation as the method employed in practice to resolve "
            "both individual and collective disputes; no figures are given."
        ),
        "indicators": [],
        "start_year": 2004,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["alternative-dispute-resolution", "social-dialogue"],
        "target_groups": ["workers", "employers"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Description of the Barbados voluntary conciliation model and its "
                    "off-the-record negotiation sessions."
                ),
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Virtual exchange with Labour Department officers on conducting voluntary "
                    "conciliation."
                ),
            },
        ],
        "documentation_languages": ["en"],
        "contact_role": "Assistant Chief Labour Officer",
        "seed": "000",
    },
    # -----------------------------------------------------------------------
    # Occupational health and safety
    # -----------------------------------------------------------------------
    {
        # source: 000, 001, 004 (OAS horizontal cooperation workshop in San Salvador hosted
        # by the Ministry of Labor of El Salvador; CERSSO itself is a Central American
        # subregional center, so the owner is a judgement call)
        "owner": "SV",
        "language": "es",
        "title": "Centro Regional de Seguridad y Salud Ocupacional (CERSSO) de Centroamérica",
        "title_en": "Regional Occupational Health and Safety Center (CERSSO) of Central America",
        "title_es": "Centro Regional de Seguridad y Salud Ocupacional (CERSSO) de Centroamérica",
        "summary": (
            "El CERSSO es una experiencia subregional centroamericana en seguridad y salud "
            "ocupacional, identificada en el marco de la estrategia de cooperación horizontal "
            "de la OEA. Su funcionamiento y sus lecciones aprendidas se analizaron en un "
            "taller en San Salvador, con apoyo del Ministerio de Trabajo de El Salvador, para "
            "que otras subregiones puedan aprovechar esta experiencia y adaptarla a su "
            "contexto."
        ),
        "summary_en": (
            "CERSSO is a Central American subregional experience in occupational health and "
            "safety, identified within the framework of the OAS horizontal cooperation "
            "strategy. Its operation and lessons learned were analyzed at a workshop in San "
            "Salvador, supported by the Ministry of Labor of El Salvador, so that other "
            "subregions can take advantage of this experience and adapt it to their own "
            "context."
        ),
        "summary_es": (
            "El CERSSO es una experiencia subregional centroamericana en seguridad y salud "
            "ocupacional, identificada en el marco de la estrategia de cooperación horizontal "
            "de la OEA. Su funcionamiento y sus lecciones aprendidas se analizaron en un "
            "taller en San Salvador, con apoyo del Ministerio de Trabajo de El Salvador, para "
            "que otras subregiones puedan aprovechar esta experiencia y adaptarla a su "
            "contexto."
        ),
        "objectives": (
            "Abordar la seguridad y salud ocupacional con un enfoque subregional en "
            "Centroamérica y extraer lecciones aprendidas que otras subregiones puedan "
            "adaptar a su propio contexto."
        ),
        "target_population": (
            "Ministerios de Trabajo de los países participantes (entre ellos Belice, Costa "
            "Rica, El Salvador, Guatemala, Honduras y Nicaragua) y los trabajadores y "
            "empleadores de la subregión."
        ),
        "main_activities": (
            "Intercambio de la experiencia subregional del CERSSO con otras subregiones "
            "mediante talleres de cooperación horizontal con la OEA y la OPS. Para 2006 se "
            "previó un taller de seguimiento sobre FUNDACERSSO en El Salvador, coordinado "
            "por El Salvador, la OEA y la OPS con apoyo de Canadá."
        ),
        "results": (
            "El taller de San Salvador, primer taller de intercambio de la estrategia de "
            "cooperación de la OEA en materia laboral, reunió a 18 Ministerios de Trabajo, "
            "incluidos los Ministros de Belice, Costa Rica, El Salvador, Honduras, Nicaragua "
            "y Guatemala. Sus compromisos incluyen presentar la experiencia en la reunión de "
            "Ministros de Trabajo de CARICOM (compromiso de Belice), más coordinación entre "
            "Ministerios de Salud y de Trabajo y más colaboración entre organismos de SSO."
        ),
        # The workshop is dated April 2004 in 000 and 004 but April 2005 in 001; 000 (May
        # 2004) already reports it, so 2004 is used.
        "indicators": [
            {
                "name": "Ministerios de Trabajo representados en el taller sobre el CERSSO",
                "value": "18",
                "year": 2004,
            },  # source: 001
            {
                "name": "Ministros de Trabajo presentes en el taller sobre el CERSSO",
                "value": "6",
                "year": 2004,
            },  # source: 001
        ],
        "start_year": 2004,  # start year not in the seeds (year of the OAS workshop)
        "implementation_status": "ongoing",
        "topics": ["occupational-health-and-safety"],
        "target_groups": ["ministry-staff", "workers", "employers"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Taller subregional de intercambio sobre el funcionamiento y las lecciones "
                    "aprendidas del CERSSO."
                ),
            },
            {
                "kind": "documentation",
                "description": (
                    "Documentación del taller de San Salvador publicada por la OEA "
                    "(www.oas.org/udse/cersso)."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a General de Previsión Social",
        "seed": "000",
    },
    {
        # source: 000 (follow-up to the labor administration diagnostic, Ministry of Labor
        # and Human Resources of Ecuador)
        "owner": "EC",
        "language": "es",
        "title": "Plan Nacional de Seguridad y Salud en el Trabajo",
        "title_en": "National Occupational Health and Safety Plan",
        "title_es": "Plan Nacional de Seguridad y Salud en el Trabajo",
        "summary": (
            "En el seguimiento de su primer diagnóstico de la administración del trabajo, "
            "realizado con asistencia técnica de la OIT, el Ministerio de Trabajo y Recursos "
            "Humanos de Ecuador destacó en seguridad y salud ocupacional su Plan Nacional. El "
            "plan se apoya en el trabajo coordinado con el Instituto Ecuatoriano de Seguridad "
            "Social, el Ministerio de Bienestar Social y el Ministerio de Salud."
        ),
        "summary_en": (
            "In following up its first labor administration diagnostic, carried out with ILO "
            "technical assistance, Ecuador's Ministry of Labor and Human Resources highlighted "
            "its National Occupational Health and Safety Plan. The plan relies on coordinated "
            "work with the Ecuadorian Social Security Institute, the Social Welfare Ministry "
            "and the Health Ministry."
        ),
        "summary_es": (
            "En el seguimiento de su primer diagnóstico de la administración del trabajo, "
            "realizado con asistencia técnica de la OIT, el Ministerio de Trabajo y Recursos "
            "Humanos de Ecuador destacó en seguridad y salud ocupacional su Plan Nacional. El "
            "plan se apoya en el trabajo coordinado con el Instituto Ecuatoriano de Seguridad "
            "Social, el Ministerio de Bienestar Social y el Ministerio de Salud."
        ),
        # The seed says "Ecuadorian Social Welfare Institute", i.e. the IESS.
        "objectives": (
            "Articular la acción pública en seguridad y salud en el trabajo mediante un plan "
            "nacional y la coordinación entre las instituciones de trabajo, salud y seguridad "
            "social."
        ),
        "target_population": "Trabajadores y empleadores de Ecuador.",
        "main_activities": (
            "Trabajo coordinado del Ministerio de Trabajo con el Instituto Ecuatoriano de "
            "Seguridad Social, el Ministerio de Bienestar Social y el Ministerio de Salud. El "
            "diagnóstico da además prioridad a la capacitación del personal, en particular en "
            "el área de inspección."
        ),
        "results": (
            "Los documentos fuente no aportan cifras; el plan figura entre los puntos "
            "destacados del diagnóstico presentado al Grupo de Trabajo 2 en 2004."
        ),
        "indicators": [],
        "start_year": 2004,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["occupational-health-and-safety", "social-protection"],
        "target_groups": ["workers", "employers"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Documentación sobre el Plan Nacional y el modelo de coordinación "
                    "interinstitucional en seguridad y salud en el trabajo."
                ),
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Asesoría virtual sobre la coordinación entre los Ministerios de Trabajo y "
                    "de Salud y la seguridad social en esta materia."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a de Seguridad y Salud en el Trabajo",
        "seed": "000",
    },
    # -----------------------------------------------------------------------
    # Skills certification and small enterprises (OAS horizontal cooperation workshops)
    # -----------------------------------------------------------------------
    {
        # source: 002 (workshops based on CONOCER), 001 (online course with CONOCER)
        "owner": "MX",
        "language": "es",
        "title": "Certificación de competencias laborales (modelo CONOCER)",
        "title_en": "Labor Competency Certification (CONOCER model)",
        "title_es": "Certificación de competencias laborales (modelo CONOCER)",
        "summary": (
            "México comparte mediante la cooperación horizontal de la OEA el modelo de "
            "certificación de competencias laborales del CONOCER. Sobre esa base se "
            "prepararon un taller virtual a través del Portal Educativo de las Américas, un "
            "taller presencial en México y un curso en línea de certificación de competencias "
            "laborales elaborado por la Secretaría Técnica en estrecha colaboración con el "
            "CONOCER."
        ),
        "summary_en": (
            "Mexico shares the CONOCER labor competency certification model through OAS "
            "horizontal cooperation. On that basis, a virtual workshop through the Education "
            "Portal of the Americas, an onsite workshop in Mexico and an online Labor "
            "Competences Certification Course were prepared, the course by the Technical "
            "Secretariat in close collaboration with CONOCER."
        ),
        "summary_es": (
            "México comparte mediante la cooperación horizontal de la OEA el modelo de "
            "certificación de competencias laborales del CONOCER. Sobre esa base se "
            "prepararon un taller virtual a través del Portal Educativo de las Américas, un "
            "taller presencial en México y un curso en línea de certificación de competencias "
            "laborales elaborado por la Secretaría Técnica en estrecha colaboración con el "
            "CONOCER."
        ),
        "objectives": (
            "Transferir la experiencia mexicana en certificación de competencias laborales a "
            "otros Ministerios de Trabajo, en respuesta a necesidades identificadas en las "
            "encuestas de la OEA y a las áreas prioritarias de la XII CIMT."
        ),
        "target_population": (
            "Funcionarios de los Ministerios de Trabajo de las Américas, incluidos los "
            "formadores que replican la capacitación en sus países."
        ),
        "main_activities": (
            "Formación de formadores para el taller virtual (prevista para el otoño de 2003), "
            "taller presencial en México y curso en línea basado íntegramente en el modelo "
            "CONOCER. Los talleres parten de las conferencias sobre certificación de "
            "competencias celebradas en 2002 en México y Panamá."
        ),
        "results": (
            "En 2005 el curso en línea estaba elaborado y debía revisarse antes de abrir las "
            "inscripciones. Los talleres se financiaron en parte con el programa de becas de "
            "la OEA; los documentos no aportan cifras de participantes."
        ),
        "indicators": [],
        "start_year": 1995,  # start year not in the seeds (CONOCER was created in 1995)
        "implementation_status": "ongoing",
        "topics": ["skills-certification"],
        "target_groups": ["ministry-staff", "workers"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Taller presencial en México sobre el modelo de certificación de "
                    "competencias laborales del CONOCER."
                ),
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Taller virtual y curso en línea basados en el modelo CONOCER, a través "
                    "del Portal Educativo de las Américas."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a General del CONOCER",
        "seed": "002",
    },
    {
        # source: 002 (OAS/USDE workshop based on the SENAI and SEBRAE programs of Brazil)
        "owner": "BR",
        "language": "pt",
        "title": (
            "Capacitação institucional para empreendedores e pequenas empresas (SENAI e SEBRAE)"
        ),
        "title_en": (
            "Institutional Training Capacity for Entrepreneurs and Small Businesses "
            "(SENAI and SEBRAE)"
        ),
        "title_es": (
            "Capacidad institucional de formación para emprendedores y pequeñas empresas "
            "(SENAI y SEBRAE)"
        ),
        "summary": (
            "O Brasil compartilha, por meio da cooperação horizontal da OEA, a experiência dos "
            "programas do SENAI e do SEBRAE na formação de empreendedores e pequenas empresas. "
            "Com base nesses programas, a Unidade de Desenvolvimento Social e Educação da OEA "
            "desenvolveu uma oficina para fortalecer a capacidade institucional de formação "
            "para empreendedores e pequenos negócios, em resposta a necessidades "
            "identificadas em suas pesquisas."
        ),
        "summary_en": (
            "Brazil shares, through OAS horizontal cooperation, the experience of the SENAI "
            "and SEBRAE programs in training entrepreneurs and small businesses. Based on "
            "these programs, the OAS Unit for Social Development and Education developed a "
            "workshop on building institutional training capacity for entrepreneurs and "
            "small businesses, in response to needs identified in its surveys."
        ),
        "summary_es": (
            "Brasil comparte, mediante la cooperación horizontal de la OEA, la experiencia de "
            "los programas del SENAI y del SEBRAE en la formación de emprendedores y pequeñas "
            "empresas. Con base en esos programas, la Unidad de Desarrollo Social y Educación "
            "de la OEA desarrolló un taller para fortalecer la capacidad institucional de "
            "formación para emprendedores y pequeñas empresas, en respuesta a necesidades "
            "identificadas en sus encuestas."
        ),
        "objectives": (
            "Fortalecer a capacidade das instituições da região para capacitar empreendedores "
            "e pequenas empresas, com base nos programas do SENAI e do SEBRAE."
        ),
        "target_population": (
            "Ministérios do Trabalho e instituições de formação da região que atendem "
            "empreendedores e pequenas empresas."
        ),
        "main_activities": (
            "Oficina de assistência técnica sobre a construção de capacidade institucional de "
            "formação para empreendedores e pequenas empresas, organizada pela OEA com base "
            "nos programas que o Brasil se dispôs a compartilhar."
        ),
        "results": (
            "Os documentos-fonte não apresentam números: registram que a oficina integrava "
            "uma série de três oficinas de assistência técnica em implementação em 2003, "
            "financiadas em parte pelo programa de bolsas da OEA."
        ),
        "indicators": [],
        "start_year": 2003,  # start year not in the seeds (year the OAS workshop was offered)
        "implementation_status": "ongoing",
        "topics": ["small-enterprises"],
        "target_groups": ["small-enterprises", "employers", "ministry-staff"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Oficina sobre capacitação institucional para empreendedores e pequenas "
                    "empresas baseada nos programas do SENAI e do SEBRAE."
                ),
            },
            {
                "kind": "documentation",
                "description": (
                    "Material dos programas do SENAI e do SEBRAE para formação de "
                    "empreendedores e pequenos negócios."
                ),
            },
        ],
        "documentation_languages": ["pt"],
        "contact_role": "Coordenador(a) de Cooperação Internacional",
        "seed": "002",
    },
    # -----------------------------------------------------------------------
    # Labor inspection and compliance
    # -----------------------------------------------------------------------
    {
        # source: 003 (Panel 2, strategic labor inspection)
        "owner": "AR",
        "language": "es",
        "title": "Plan Nacional de Regularización del Trabajo (PNRT)",
        "title_en": "National Plan for Labor Regularization (PNRT)",
        "title_es": "Plan Nacional de Regularización del Trabajo (PNRT)",
        "summary": (
            "El Plan Nacional de Regularización del Trabajo de Argentina se citó en 2015 como "
            "ejemplo de una inspección del trabajo más estratégica, que no se limita a "
            "responder denuncias sino que programa inspecciones por áreas según las "
            "necesidades detectadas. El plan se dirige también al trabajo no registrado."
        ),
        "summary_en": (
            "Argentina's National Plan for Labor Regularization was cited in 2015 as an "
            "example of more strategic labor inspection, which is not limited to responding "
            "to complaints but plans inspections by area based on noted needs. The plan is "
            "also directed towards non-registered labor."
        ),
        "summary_es": (
            "El Plan Nacional de Regularización del Trabajo de Argentina se citó en 2015 como "
            "ejemplo de una inspección del trabajo más estratégica, que no se limita a "
            "responder denuncias sino que programa inspecciones por áreas según las "
            "necesidades detectadas. El plan se dirige también al trabajo no registrado."
        ),
        "objectives": (
            "Promover el cumplimiento efectivo de la legislación laboral mediante una "
            "inspección planificada y combatir el trabajo no registrado."
        ),
        "target_population": (
            "Trabajadores no registrados y sus empleadores, así como los inspectores del trabajo."
        ),
        "main_activities": (
            "Programas de inspección por áreas basados en las necesidades detectadas, "
            "orientados también al trabajo no registrado. Argentina usa además tecnologías "
            "de la información para digitalizar los expedientes."
        ),
        "results": (
            "Los documentos fuente no aportan cifras; el PNRT se cita entre las iniciativas "
            "en curso de inspección estratégica en la región."
        ),
        "indicators": [],
        "start_year": 2003,  # start year not in the seeds (the PNRT was launched in 2003)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection", "informal-economy"],
        "target_groups": ["informal-workers", "employers", "labor-inspectors"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Metodología de planificación de inspecciones por áreas y de detección "
                    "del trabajo no registrado."
                ),
            },
            {
                "kind": "technical_visit",
                "description": (
                    "Visita técnica para conocer la planificación de operativos de "
                    "inspección y la digitalización de expedientes."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Coordinador/a del Plan Nacional de Regularización del Trabajo",
        "seed": "003",
    },
    {
        # source: 003 (Panel 2; the programme is named as a successful initiative)
        "owner": "TT",
        "language": "en",
        "title": "Programme to Train Work Defenders",
        "title_en": "Programme to Train Work Defenders",
        "title_es": "Programa de Formación de Defensores del Trabajo",
        "summary": (
            "Trinidad and Tobago trains members of the community so that they can play an "
            "active role in generating decent work, complementing the work of labour "
            "inspectors. It was cited at the 2015 meeting of Working Group 2 as a successful "
            "initiative to guarantee that labour laws are followed."
        ),
        "summary_en": (
            "Trinidad and Tobago trains members of the community so that they can play an "
            "active role in generating decent work, complementing the work of labour "
            "inspectors. It was cited at the 2015 meeting of Working Group 2 as a successful "
            "initiative to guarantee that labour laws are followed."
        ),
        "summary_es": (
            "Trinidad y Tobago capacita a miembros de la comunidad para que desempeñen un "
            "papel activo en la generación de trabajo decente, como complemento de la labor "
            "de los inspectores del trabajo. Se citó en la reunión de 2015 del Grupo de "
            "Trabajo 2 como una iniciativa exitosa para garantizar el cumplimiento de las "
            "leyes laborales."
        ),
        "objectives": (
            "Guarantee compliance with labour laws by training the community to play an "
            "active role in generating decent work, complementing the inspectors' work."
        ),
        "target_population": "Members of the community trained as work defenders.",
        "main_activities": (
            "Training of community members so that they can promote decent work and "
            "complement labour inspection."
        ),
        "results": (
            "Cited by Working Group 2 as a successful initiative; the seeds give no figures."
        ),
        "indicators": [],
        "start_year": 2015,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection"],
        "target_groups": ["workers"],
        "offers": [
            {
                "kind": "documentation",
                "description": "Design and training materials of the Work Defenders programme.",
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Virtual advice on setting up community training that complements labour "
                    "inspection."
                ),
            },
        ],
        "documentation_languages": ["en"],
        "contact_role": "Director of Labour Administration",
        "seed": "003",
    },
    {
        # source: 003 (Panel 2, presentation by a Labour Inspector of the Ministry of Labour
        # and Small and Micro Enterprise Development of Trinidad and Tobago)
        "owner": "TT",
        "language": "en",
        "title": "Multi-Agency Labour Inspections",
        "title_en": "Multi-Agency Labour Inspections",
        "title_es": "Inspecciones laborales interinstitucionales",
        "summary": (
            "Trinidad and Tobago carries out labour inspection together with partners and key "
            "agencies, with around 1,000 inspections a year. Partners include the OAS, the "
            "ILO, the Ministry of Community Development, trade unions, the National Insurance "
            "Board, the Occupational Safety and Health Authority, the Ministry of National "
            "Security and employers."
        ),
        "summary_en": (
            "Trinidad and Tobago carries out labour inspection together with partners and key "
            "agencies, with around 1,000 inspections a year. Partners include the OAS, the "
            "ILO, the Ministry of Community Development, trade unions, the National Insurance "
            "Board, the Occupational Safety and Health Authority, the Ministry of National "
            "Security and employers."
        ),
        "summary_es": (
            "Trinidad y Tobago realiza la inspección del trabajo junto con socios y agencias "
            "clave, con alrededor de 1.000 inspecciones al año. Entre los socios figuran la "
            "OEA, la OIT, el Ministerio de Desarrollo Comunitario, los sindicatos, la Junta "
            "Nacional de Seguros, la Autoridad de Seguridad y Salud Ocupacional, el "
            "Ministerio de Seguridad Nacional y los empleadores."
        ),
        "objectives": (
            "Ensure the application of labour laws and promote effective compliance by "
            "conducting inspections with partners and key agencies."
        ),
        "target_population": "Workplaces, employers and workers in Trinidad and Tobago.",
        "main_activities": (
            "Joint inspections with government agencies, social partners and international "
            "organizations, coordinated by the Ministry's labour inspectorate."
        ),
        "results": "Around 1,000 inspections a year are carried out with partner support.",
        "indicators": [
            {
                "name": "Labour inspections per year with partner agencies",
                "value": "about 1,000",
                "year": 2015,
            },
        ],
        "start_year": 2015,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection", "occupational-health-and-safety"],
        "target_groups": ["labor-inspectors", "employers", "workers"],
        "offers": [
            {
                "kind": "technical_visit",
                "description": (
                    "Technical visit to observe how joint inspections with partner agencies "
                    "are planned and carried out."
                ),
            },
            {
                "kind": "documentation",
                "description": "Coordination arrangements with the partner agencies.",
            },
        ],
        "documentation_languages": ["en"],
        "contact_role": "Chief Labour Inspector",
        "seed": "003",
    },
    {
        # source: 002 (presentation on labor inspection and enforcement), 003 (Panel 2)
        "owner": "CL",
        "language": "es",
        "title": "Sistema de inspección y fiscalización de la Dirección del Trabajo",
        "title_en": "Labor Inspection and Enforcement System of the Labor Directorate",
        "title_es": "Sistema de inspección y fiscalización de la Dirección del Trabajo",
        "summary": (
            "Chile presentó al Grupo de Trabajo 2 sus sistemas de inspección y fiscalización "
            "laboral, destacando el papel de la administración del trabajo en la regulación "
            "del empleo. En 2015 se citaron sus iniciativas: un Consejo Tripartito de "
            "usuarios, capacitación especializada de inspectores, procedimientos de "
            "inspección y criterios de interpretación de la normativa, y marcos normativos "
            "para profesionalizar a los inspectores o aumentar su número."
        ),
        "summary_en": (
            "Chile presented its labor inspection and enforcement systems to Working Group 2, "
            "highlighting the role of labor administration in the regulation of employment. "
            "Its initiatives were cited in 2015: a Tripartite Council of users, specialized "
            "training for inspectors, inspection procedures and criteria for interpreting "
            "regulations, and regulatory frameworks to professionalize inspectors or "
            "increase their number."
        ),
        "summary_es": (
            "Chile presentó al Grupo de Trabajo 2 sus sistemas de inspección y fiscalización "
            "laboral, destacando el papel de la administración del trabajo en la regulación "
            "del empleo. En 2015 se citaron sus iniciativas: un Consejo Tripartito de "
            "usuarios, capacitación especializada de inspectores, procedimientos de "
            "inspección y criterios de interpretación de la normativa, y marcos normativos "
            "para profesionalizar a los inspectores o aumentar su número."
        ),
        "objectives": (
            "Garantizar la aplicación de la legislación laboral y promover su cumplimiento "
            "efectivo con una inspección más estratégica y profesional."
        ),
        "target_population": "Inspectores del trabajo, empleadores y trabajadores de Chile.",
        "main_activities": (
            "Capacitación especializada de inspectores según programas, campañas, áreas y "
            "tareas; diálogo social en el Consejo Tripartito de usuarios; autoevaluación "
            "voluntaria y simplificación de las declaraciones de las empresas con la "
            "plataforma electrónica DECLARI (citada para Chile y México)."
        ),
        "results": (
            "Los documentos fuente no aportan cifras; las iniciativas de Chile se citan entre "
            "las medidas de la región para fortalecer la inspección del trabajo."
        ),
        "indicators": [],
        "start_year": 2002,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection", "social-dialogue"],
        "target_groups": ["labor-inspectors", "employers", "workers"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Taller sobre la capacitación especializada de inspectores y los "
                    "procedimientos de inspección de la Dirección del Trabajo."
                ),
            },
            {
                "kind": "documentation",
                "description": (
                    "Procedimientos de inspección y criterios de interpretación de la "
                    "normativa laboral."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Jefe/a del Departamento de Inspección, Dirección del Trabajo",
        "seed": "003",
    },
    {
        # source: 003 (Panel 2)
        "owner": "HN",
        "language": "es",
        "title": "Enfoque integrado de inspección del trabajo y seguridad social",
        "title_en": "Integrated Approach to Labor Inspection and Social Security",
        "title_es": "Enfoque integrado de inspección del trabajo y seguridad social",
        "summary": (
            "Honduras aplica un enfoque integrado de inspección del trabajo y seguridad "
            "social, en el que los inspectores se forman en ambas disciplinas. La experiencia "
            "se citó en 2015 entre las iniciativas en curso para una inspección del trabajo "
            "más estratégica, que no se limite a responder denuncias."
        ),
        "summary_en": (
            "Honduras applies an integrated approach to labor inspection and social "
            "security, in which inspectors are trained in both disciplines. It was cited in "
            "2015 among the ongoing initiatives for a more strategic labor inspection that is "
            "not limited to responding to complaints."
        ),
        "summary_es": (
            "Honduras aplica un enfoque integrado de inspección del trabajo y seguridad "
            "social, en el que los inspectores se forman en ambas disciplinas. La experiencia "
            "se citó en 2015 entre las iniciativas en curso para una inspección del trabajo "
            "más estratégica, que no se limite a responder denuncias."
        ),
        "objectives": (
            "Hacer más estratégica la inspección del trabajo integrando en ella la seguridad "
            "social."
        ),
        "target_population": "Inspectores del trabajo de Honduras.",
        "main_activities": (
            "Formación de los inspectores en inspección del trabajo y en seguridad social."
        ),
        "results": "Los documentos fuente no aportan cifras.",
        "indicators": [],
        "start_year": 2015,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection", "social-protection"],
        "target_groups": ["labor-inspectors"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Programa de formación de inspectores en inspección del trabajo y "
                    "seguridad social."
                ),
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Asesoría virtual sobre la integración de la seguridad social en la "
                    "inspección del trabajo."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a General de Inspección del Trabajo",
        "seed": "003",
    },
    {
        # source: 003 (Panel 2)
        "owner": "DO",
        "language": "es",
        # The seed gives the English name "The Ministry of Labor Reports"; the Spanish
        # title is a back-translation.
        "title": "Difusión de derechos laborales: programa «El Ministerio de Trabajo Informa»",
        "title_en": "Promoting Labor Rights: 'The Ministry of Labor Reports' Television Program",
        "title_es": "Difusión de derechos laborales: programa «El Ministerio de Trabajo Informa»",
        "summary": (
            "El Ministerio de Trabajo de la República Dominicana promueve el conocimiento y el "
            "ejercicio de los derechos laborales de forma equitativa y armoniosa mediante "
            "talleres y charlas para trabajadores y empleadores y el programa de televisión "
            "«El Ministerio de Trabajo Informa». Además, creó comités de seguimiento "
            "territoriales integrados por el Ministerio, empleadores, trabajadores, la "
            "sociedad civil y otros ministerios."
        ),
        "summary_en": (
            "The Ministry of Labor of the Dominican Republic promotes knowledge and the "
            "exercise of labor rights in an equal and harmonious way through workshops and "
            "talks for workers and employers and the television program 'The Ministry of "
            "Labor Reports'. It also created monitoring committees for each state, made up of "
            "the Ministry, employers, workers, civil society and other ministries."
        ),
        "summary_es": (
            "El Ministerio de Trabajo de la República Dominicana promueve el conocimiento y el "
            "ejercicio de los derechos laborales de forma equitativa y armoniosa mediante "
            "talleres y charlas para trabajadores y empleadores y el programa de televisión "
            "«El Ministerio de Trabajo Informa». Además, creó comités de seguimiento "
            "territoriales integrados por el Ministerio, empleadores, trabajadores, la "
            "sociedad civil y otros ministerios."
        ),
        # The seed says "a monitoring committee for each state".
        "objectives": (
            "Promover el conocimiento y el ejercicio de los derechos laborales entre "
            "trabajadores y empleadores como estrategia para garantizar el cumplimiento de "
            "la legislación laboral."
        ),
        "target_population": "Trabajadores, empleadores y público en general.",
        "main_activities": (
            "Talleres y charlas, el programa de televisión y los comités de seguimiento. El "
            "Ministerio coordina además la evaluación del proyecto y el diálogo con el "
            "Ministerio Público, la Escuela Judicial, la OIT y la OIM, y ejecuta programas "
            "para fortalecer las administraciones locales de trabajo."
        ),
        "results": (
            "Citado en la reunión de 2015 del Grupo de Trabajo 2 como buena estrategia para "
            "promover el cumplimiento de la ley laboral; los documentos no aportan cifras."
        ),
        "indicators": [],
        "start_year": 2015,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["labor-inspection", "social-dialogue"],
        "target_groups": ["workers", "employers"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Documentación sobre el programa de televisión y la conformación de los "
                    "comités de seguimiento."
                ),
            },
            {
                "kind": "technical_visit",
                "description": (
                    "Visita técnica para conocer el funcionamiento de un comité de "
                    "seguimiento y las actividades de difusión del Ministerio."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a General de Trabajo",
        "seed": "003",
    },
    # -----------------------------------------------------------------------
    # Child labor
    # -----------------------------------------------------------------------
    {
        # source: 002 (reports on new initiatives to eliminate child labor)
        "owner": "DO",
        "language": "es",
        "title": "Iniciativas para la erradicación del trabajo infantil",
        "title_en": "Initiatives to Eliminate Child Labor",
        "title_es": "Iniciativas para la erradicación del trabajo infantil",
        "summary": (
            "La República Dominicana informó al Grupo de Trabajo 2 sobre sus nuevas "
            "iniciativas para eliminar el trabajo infantil. Las iniciativas gubernamentales "
            "en esta materia comenzaron en 1997, y dos comisiones participan en el diseño de "
            "las políticas de erradicación del trabajo infantil."
        ),
        "summary_en": (
            "The Dominican Republic reported to Working Group 2 on its new initiatives to "
            "eliminate child labor. Government child labor initiatives began in 1997, and two "
            "commissions are involved in designing child labor eradication policies."
        ),
        "summary_es": (
            "La República Dominicana informó al Grupo de Trabajo 2 sobre sus nuevas "
            "iniciativas para eliminar el trabajo infantil. Las iniciativas gubernamentales "
            "en esta materia comenzaron en 1997, y dos comisiones participan en el diseño de "
            "las políticas de erradicación del trabajo infantil."
        ),
        "objectives": (
            "Eliminar el trabajo infantil mediante políticas de erradicación diseñadas por "
            "comisiones específicas."
        ),
        "target_population": (
            "Niños, niñas y adolescentes que trabajan o están en riesgo de hacerlo."
        ),
        "main_activities": (
            "Diseño de políticas de erradicación del trabajo infantil por dos comisiones. El "
            "país presentó además sus avances en la promoción y aplicación de la Declaración "
            "de la OIT relativa a los principios y derechos fundamentales en el trabajo."
        ),
        "results": (
            "Los documentos fuente no aportan cifras nacionales; registran que las "
            "iniciativas gubernamentales están en marcha desde 1997."
        ),
        "indicators": [
            {
                "name": "Comisiones que diseñan políticas de erradicación del trabajo infantil",
                "value": "2",
                "year": None,
            },
        ],
        "start_year": 1997,  # source: 002
        "implementation_status": "ongoing",
        "topics": ["child-labor"],
        "target_groups": ["children"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Documentación sobre las políticas de erradicación del trabajo infantil y "
                    "el trabajo de las comisiones."
                ),
            },
            {
                "kind": "virtual_advice",
                "description": (
                    "Asesoría virtual sobre la organización de comisiones para el diseño de "
                    "políticas contra el trabajo infantil."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Coordinador/a de Políticas de Erradicación del Trabajo Infantil",
        "seed": "002",
    },
    # -----------------------------------------------------------------------
    # Social dialogue
    # -----------------------------------------------------------------------
    {
        # source: 000 (presentation by the Ministry of Labor and Employment Promotion of Peru)
        "owner": "PE",
        "language": "es",
        "title": "Diálogo social en el Consejo Nacional de Trabajo",
        "title_en": "Social Dialogue in the National Labor Council",
        "title_es": "Diálogo social en el Consejo Nacional de Trabajo",
        "summary": (
            "El Ministerio de Trabajo y Promoción del Empleo de Perú presentó la experiencia "
            "de diálogo social del Consejo Nacional de Trabajo, donde se discuten cambios a "
            "la ley de competitividad laboral que permitirían un sistema de regulación "
            "laboral más flexible. La experiencia se expuso en 2004, junto con las propuestas "
            "de seguimiento al diagnóstico de la administración del trabajo del país."
        ),
        "summary_en": (
            "Peru's Ministry of Labor and Employment Promotion presented the social dialogue "
            "experience of the National Labor Council, which has been discussing changes to "
            "the labor competitiveness law that would allow a more flexible system of labor "
            "regulation. It was presented in 2004, together with proposals to follow up the "
            "country's labor administration diagnostic."
        ),
        "summary_es": (
            "El Ministerio de Trabajo y Promoción del Empleo de Perú presentó la experiencia "
            "de diálogo social del Consejo Nacional de Trabajo, donde se discuten cambios a "
            "la ley de competitividad laboral que permitirían un sistema de regulación "
            "laboral más flexible. La experiencia se expuso en 2004, junto con las propuestas "
            "de seguimiento al diagnóstico de la administración del trabajo del país."
        ),
        "objectives": (
            "Canalizar mediante el diálogo social la discusión de reformas a la legislación "
            "laboral."
        ),
        "target_population": "Organizaciones de trabajadores y de empleadores y el Gobierno.",
        "main_activities": (
            "Discusión en el Consejo de los cambios a la ley de competitividad laboral. En el "
            "seguimiento del diagnóstico, el Ministerio propuso además crear un órgano "
            "autónomo de conciliación y buscar mayor sinergia con la sociedad civil."
        ),
        "results": (
            "Los documentos fuente no aportan cifras; señalan que el Consejo venía "
            "discutiendo cambios a la ley de competitividad laboral."
        ),
        "indicators": [],
        "start_year": 2004,  # start year not in the seeds (year first presented to the IACML)
        "implementation_status": "ongoing",
        "topics": ["social-dialogue"],
        "target_groups": ["employers", "workers"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Documentación sobre el funcionamiento del Consejo Nacional de Trabajo."
                ),
            },
            {
                "kind": "technical_visit",
                "description": (
                    "Visita técnica para observar una sesión del Consejo Nacional de Trabajo."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Secretario/a Técnico/a del Consejo Nacional de Trabajo",
        "seed": "000",
    },
    # -----------------------------------------------------------------------
    # Labor market information and employment services
    # -----------------------------------------------------------------------
    {
        # source: 000 (Panel 6, SISMEL), 002 (website launched February 2003),
        # 001 (XII IACML in Ottawa, 2001)
        "owner": "UY",
        "language": "es",
        "title": "Sistema de Información de Mercados Laborales (SISMEL): Secretaría pro tempore",
        "title_en": "Labor Market Information System (SISMEL): Pro Tempore Secretariat",
        "title_es": "Sistema de Información de Mercados Laborales (SISMEL): Secretaría pro tempore",
        "summary": (
            "El SISMEL, nacido en la X CIMT bajo la dirección del INEI de Perú, busca mejorar "
            "la capacidad de los países para producir, analizar, gestionar y difundir "
            "información del mercado laboral, con énfasis en la comparabilidad y "
            "confiabilidad de los indicadores. Uruguay ejerce la Secretaría pro tempore desde "
            "la XII CIMT y lanzó el sitio web del proyecto en febrero de 2003."
        ),
        "summary_en": (
            "SISMEL, which originated at the X IACML under the direction of Peru's INEI, works "
            "to improve countries' ability to produce, analyze, manage and disseminate labor "
            "market information, with a focus on the comparability and reliability of "
            "indicators. Uruguay has been its pro tempore Secretariat since the XII IACML and "
            "launched the project website in February 2003."
        ),
        "summary_es": (
            "El SISMEL, nacido en la X CIMT bajo la dirección del INEI de Perú, busca mejorar "
            "la capacidad de los países para producir, analizar, gestionar y difundir "
            "información del mercado laboral, con énfasis en la comparabilidad y "
            "confiabilidad de los indicadores. Uruguay ejerce la Secretaría pro tempore desde "
            "la XII CIMT y lanzó el sitio web del proyecto en febrero de 2003."
        ),
        "objectives": (
            "Mejorar la capacidad de los países para producir, analizar, gestionar y difundir "
            "información del mercado laboral con indicadores comparables y confiables."
        ),
        "target_population": "Ministerios de Trabajo y productores de estadísticas laborales.",
        "main_activities": (
            "Gestión del proyecto y de su sitio web, alojado en un servidor del Instituto "
            "Nacional de Estadística de Uruguay adquirido con apoyo del USDOL; consultas con "
            "MECOVI, la CEPAL y el Banco Mundial sobre estandarización de encuestas; y "
            "propuesta de un taller interamericano sobre información laboral y políticas de "
            "empleo."
        ),
        "results": (
            "En febrero de 2003 se lanzó el sitio web, luego rediseñado. En 2004 la "
            "Secretaría señaló que el proyecto era poco conocido por los Ministerios, aún "
            "buscaba alcanzar sus objetivos y necesitaba recursos, y sugirió que la OEA "
            "custodiara sus bases de datos mientras se decidía su futuro."
        ),
        "indicators": [],
        "start_year": 2001,  # source: 000, 001 (Uruguay named at the XII IACML, Ottawa 2001)
        "implementation_status": "ongoing",
        "topics": ["labor-market-information"],
        "target_groups": ["ministry-staff"],
        "offers": [
            {
                "kind": "documentation",
                "description": (
                    "Bases de datos y trabajos previos del SISMEL, que la Secretaría ofreció "
                    "al futuro mecanismo de cooperación."
                ),
            },
            {
                "kind": "workshop",
                "description": (
                    "Taller interamericano sobre información laboral y políticas de empleo "
                    "propuesto por la Secretaría pro tempore."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Secretario/a pro tempore del SISMEL",
        "seed": "000",
    },
    {
        # source: 004 (Seminar on employment services in Chile; Mexico's Labor Observatory)
        "owner": "MX",
        "language": "es",
        "title": "Observatorio Laboral",
        "title_en": "Labor Observatory",
        "title_es": "Observatorio Laboral",
        "summary": (
            "La Secretaría del Trabajo y Previsión Social de México ofreció compartir su "
            "experiencia con el Observatorio Laboral en el seminario sobre servicios de "
            "empleo que organiza el Ministerio de Trabajo de Chile con la STPS y la "
            "Secretaría Técnica de la CIMT. El seminario, previsto para el segundo semestre "
            "de 2006, busca intercambiar experiencias en servicios de empleo."
        ),
        "summary_en": (
            "Mexico's Secretariat of Labor and Social Welfare offered to share its experience "
            "with the Labor Observatory at the seminar on employment services organized by "
            "the Ministry of Labor of Chile with the STPS and the IACML Technical Secretariat. "
            "The seminar, planned for the second half of 2006, aims to share experiences on "
            "employment services."
        ),
        "summary_es": (
            "La Secretaría del Trabajo y Previsión Social de México ofreció compartir su "
            "experiencia con el Observatorio Laboral en el seminario sobre servicios de "
            "empleo que organiza el Ministerio de Trabajo de Chile con la STPS y la "
            "Secretaría Técnica de la CIMT. El seminario, previsto para el segundo semestre "
            "de 2006, busca intercambiar experiencias en servicios de empleo."
        ),
        "objectives": (
            "Compartir con otros Ministerios de Trabajo la experiencia mexicana del "
            "Observatorio Laboral como herramienta de los servicios de empleo."
        ),
        "target_population": "Ministerios de Trabajo y servicios de empleo de la región.",
        "main_activities": (
            "Presentación de la experiencia en el seminario de Chile, que cubre la logística "
            "y la interpretación, con coordinación y página web de la OEA. México propuso "
            "además un taller específico sobre servicios de empleo en el Grupo de Trabajo 2."
        ),
        "results": (
            "Oferta aprobada en la Reunión de Planificación de la CIMT de diciembre de 2005; "
            "los documentos fuente no aportan cifras del Observatorio."
        ),
        "indicators": [],
        "start_year": 2005,  # start year not in the seeds (year of the cooperation offer)
        "implementation_status": "ongoing",
        "topics": ["labor-market-information", "employment-services"],
        "target_groups": ["unemployed", "ministry-staff"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Presentación del Observatorio Laboral en el seminario sobre servicios de "
                    "empleo organizado por Chile."
                ),
            },
            {
                "kind": "documentation",
                "description": "Documentación sobre el diseño y los contenidos del Observatorio.",
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Coordinador/a del Observatorio Laboral",
        "seed": "004",
    },
    # -----------------------------------------------------------------------
    # Migrant workers and the labor dimension of trade (cooperation offers, 2005)
    # -----------------------------------------------------------------------
    {
        # source: 004 (Seminar on labor rights of migrant workers, organized by HRSDC)
        "owner": "CA",
        "language": "en",
        "title": "Seminar on the Labour Rights of Migrant Workers",
        "title_en": "Seminar on the Labour Rights of Migrant Workers",
        "title_es": "Seminario sobre los derechos laborales de los trabajadores migrantes",
        "summary": (
            "The Ministry of Labour of Canada (HRSDC) offered to organize a seminar to share "
            "experiences on mechanisms for disseminating the labour rights of migrant "
            "workers, with special emphasis on agricultural migrant workers. All countries "
            "were to be consulted, with special attention to the experience of Mexico, and "
            "Canada would cover logistics, interpretation and all participants' travel."
        ),
        "summary_en": (
            "The Ministry of Labour of Canada (HRSDC) offered to organize a seminar to share "
            "experiences on mechanisms for disseminating the labour rights of migrant "
            "workers, with special emphasis on agricultural migrant workers. All countries "
            "were to be consulted, with special attention to the experience of Mexico, and "
            "Canada would cover logistics, interpretation and all participants' travel."
        ),
        "summary_es": (
            "El Ministerio de Trabajo de Canadá (HRSDC) ofreció organizar un seminario para "
            "intercambiar experiencias sobre mecanismos de difusión de los derechos laborales "
            "de los trabajadores migrantes, con especial énfasis en los trabajadores "
            "agrícolas migrantes. Se consultaría a todos los países, con especial atención a "
            "la experiencia de México, y Canadá cubriría la logística, la interpretación y "
            "los viajes de todos los participantes."
        ),
        "objectives": (
            "Share experiences on mechanisms for disseminating the labour rights of migrant "
            "workers, especially agricultural migrant workers."
        ),
        "target_population": (
            "Ministries of Labour of the IACML member states and, through them, migrant "
            "workers, in particular agricultural migrant workers."
        ),
        "main_activities": (
            "A seminar in Canada planned for June 2006, prepared in consultation with all "
            "countries and giving special attention to the experience of Mexico."
        ),
        "results": (
            "Approved at the IACML Planning Meeting of December 2005 as part of the 2006-2007 "
            "calendar of activities; the seeds do not report the outcome."
        ),
        "indicators": [],
        "start_year": 2006,  # source: 004 (planned for June 2006)
        "implementation_status": "ongoing",
        "topics": ["migrant-workers"],
        "target_groups": ["migrant-workers", "ministry-staff"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Seminar in Canada, with logistics, interpretation and participants' "
                    "travel covered by Canada."
                ),
            },
        ],
        "documentation_languages": ["en", "fr"],
        "contact_role": "Director General, International and Intergovernmental Labour Affairs",
        "seed": "004",
    },
    {
        # source: 004 (Seminar on relationship between trade and quality of employment)
        "owner": "AR",
        "language": "es",
        "title": "Seminario sobre la relación entre el comercio y la calidad del empleo",
        "title_en": "Seminar on the Relationship between Trade and the Quality of Employment",
        "title_es": "Seminario sobre la relación entre el comercio y la calidad del empleo",
        "summary": (
            "El Ministerio de Trabajo de Argentina propuso un seminario para identificar "
            "modelos de análisis que midan la relación entre el comercio internacional y la "
            "calidad y cantidad del empleo mediante indicadores sociolaborales. Se evaluaría "
            "incorporarlo al taller sobre la dimensión laboral de los tratados de libre "
            "comercio que Canadá coordinaría en 2007."
        ),
        "summary_en": (
            "Argentina's Ministry of Labor proposed a seminar to identify models of analysis "
            "to measure the relationship between international trade and the quality and "
            "quantity of employment through socio-labor indicators. Its incorporation into "
            "the workshop on the labor dimension of free trade agreements that Canada would "
            "coordinate in 2007 was to be considered."
        ),
        "summary_es": (
            "El Ministerio de Trabajo de Argentina propuso un seminario para identificar "
            "modelos de análisis que midan la relación entre el comercio internacional y la "
            "calidad y cantidad del empleo mediante indicadores sociolaborales. Se evaluaría "
            "incorporarlo al taller sobre la dimensión laboral de los tratados de libre "
            "comercio que Canadá coordinaría en 2007."
        ),
        "objectives": (
            "Identificar posibles modelos de análisis para medir la relación entre el "
            "comercio internacional y la calidad y cantidad del empleo."
        ),
        "target_population": "Ministerios de Trabajo de los Estados miembros de la CIMT.",
        "main_activities": (
            "Seminario en Argentina, que cubre la logística y la interpretación simultánea, "
            "con coordinación y página web de la OEA; cada país cubre los viajes de sus "
            "representantes."
        ),
        "results": (
            "Propuesta incluida en el calendario de actividades 2006-2007 de la CIMT, con "
            "fecha por determinar; los documentos fuente no informan sobre su realización."
        ),
        "indicators": [],
        "start_year": 2005,  # start year not in the seeds (year of the proposal)
        "implementation_status": "ongoing",
        "topics": ["labor-dimension-of-trade", "labor-market-information"],
        "target_groups": ["ministry-staff"],
        "offers": [
            {
                "kind": "workshop",
                "description": (
                    "Seminario en Argentina sobre indicadores sociolaborales para medir el "
                    "efecto del comercio en el empleo."
                ),
            },
        ],
        "documentation_languages": ["es"],
        "contact_role": "Director/a de Asuntos Internacionales",
        "seed": "004",
    },
]
