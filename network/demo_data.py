"""Demo / seed data for the RIAL portal (plain Python, no Django imports).

The facts come from the five seed documents in ``shared/seeds/`` (meeting reports of the
Inter-American Conference of Ministers of Labor, IACML). Entries taken from a seed carry a
``# source: 00X`` comment, where ``00X`` is the file-name prefix:

- 000 = 000_f280d467bb4b3996.txt  Report of the first meeting of Working Group 2 after the
  XIII IACML (OAS Headquarters, Washington D.C., May 13-14, 2004)
- 001 = 001_30180bebd8097a88.txt  Report of the Technical Secretariat to the XIV IACML (2005)
- 002 = 002_03c8d176a9190092.txt  Final report of Working Group 2 "Building the Capacity of
  Labor Ministries" under the XII IACML (Ottawa Plan of Action; meetings 2002-2003)
- 003 = 003_ba284b2b55ecfc7d.txt  Report of the second meeting of Working Group 2 of the
  XVIII IACML (Cartagena, Colombia, April 29, 2015)
- 004 = 004_ad4f9c4d06cf5b0b.txt  Conclusions of the IACML Planning Meeting
  (Washington D.C., December 15-16, 2005)

Entries without a source comment are general reference data (ISO codes, official names,
well-documented renames); any fact taken from outside the seeds is marked as such.
"""

# ---------------------------------------------------------------------------
# 1. Member states of the OAS (35)
# ---------------------------------------------------------------------------
# (iso_code, name_en, name_es, subregion) -- subregions follow IACML practice.

NORTH_AMERICA = "north_america"
CENTRAL_AMERICA = "central_america"
CARIBBEAN = "caribbean"
ANDEAN = "andean"
SOUTHERN_CONE = "southern_cone"

SUBREGIONS = [NORTH_AMERICA, CENTRAL_AMERICA, CARIBBEAN, ANDEAN, SOUTHERN_CONE]

MEMBER_STATES = [
    # North America
    ("CA", "Canada", "Canadá", NORTH_AMERICA),
    ("US", "United States of America", "Estados Unidos de América", NORTH_AMERICA),
    ("MX", "Mexico", "México", NORTH_AMERICA),
    # Central America (incl. Dominican Republic)
    ("BZ", "Belize", "Belice", CENTRAL_AMERICA),
    ("CR", "Costa Rica", "Costa Rica", CENTRAL_AMERICA),
    ("SV", "El Salvador", "El Salvador", CENTRAL_AMERICA),
    ("GT", "Guatemala", "Guatemala", CENTRAL_AMERICA),
    ("HN", "Honduras", "Honduras", CENTRAL_AMERICA),
    ("NI", "Nicaragua", "Nicaragua", CENTRAL_AMERICA),
    ("PA", "Panama", "Panamá", CENTRAL_AMERICA),
    ("DO", "Dominican Republic", "República Dominicana", CENTRAL_AMERICA),
    # Caribbean
    ("AG", "Antigua and Barbuda", "Antigua y Barbuda", CARIBBEAN),
    ("BS", "Bahamas", "Bahamas", CARIBBEAN),
    ("BB", "Barbados", "Barbados", CARIBBEAN),
    ("CU", "Cuba", "Cuba", CARIBBEAN),
    ("DM", "Dominica", "Dominica", CARIBBEAN),
    ("GD", "Grenada", "Grenada", CARIBBEAN),
    ("GY", "Guyana", "Guyana", CARIBBEAN),
    ("HT", "Haiti", "Haití", CARIBBEAN),
    ("JM", "Jamaica", "Jamaica", CARIBBEAN),
    ("KN", "Saint Kitts and Nevis", "Saint Kitts y Nevis", CARIBBEAN),
    ("LC", "Saint Lucia", "Santa Lucía", CARIBBEAN),
    ("VC", "Saint Vincent and the Grenadines", "San Vicente y las Granadinas", CARIBBEAN),
    ("SR", "Suriname", "Suriname", CARIBBEAN),
    ("TT", "Trinidad and Tobago", "Trinidad y Tobago", CARIBBEAN),
    # Andean
    ("BO", "Bolivia", "Bolivia", ANDEAN),
    ("CO", "Colombia", "Colombia", ANDEAN),
    ("EC", "Ecuador", "Ecuador", ANDEAN),
    ("PE", "Peru", "Perú", ANDEAN),
    ("VE", "Venezuela", "Venezuela", ANDEAN),
    # Southern Cone
    ("AR", "Argentina", "Argentina", SOUTHERN_CONE),
    ("BR", "Brazil", "Brasil", SOUTHERN_CONE),
    ("CL", "Chile", "Chile", SOUTHERN_CONE),
    ("PY", "Paraguay", "Paraguay", SOUTHERN_CONE),
    ("UY", "Uruguay", "Uruguay", SOUTHERN_CONE),
]

# ---------------------------------------------------------------------------
# 2. Ministries of Labor (or equivalent), one per member state
# ---------------------------------------------------------------------------
# name_en / name_es are the current names as far as known; former_names lists earlier
# names with the last year each was used (only renames we are confident about).
# Several small Caribbean states fold labour into a multi-portfolio ministry whose title
# changes with cabinet reshuffles; for those a generic "Ministry of Labour" is used.

MINISTRIES = [
    {
        "iso": "AG",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "AR",
        "name_en": "Ministry of Labor, Employment and Social Security",
        "name_es": "Ministerio de Trabajo, Empleo y Seguridad Social",
        "acronym": "MTEySS",
        "former_names": [],
    },  # seeds only say "Ministry of Labor of Argentina" (001, 004)
    {
        "iso": "BS",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "BB",
        "name_en": "Ministry of Labour and Social Security",
        "name_es": "Ministerio de Trabajo y Seguridad Social",
        "acronym": "",
        "former_names": [],
    },  # source: 000 (name as of 2004; later cabinets retitled the portfolio)
    {
        "iso": "BZ",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "BO",
        "name_en": "Ministry of Labor, Employment and Social Welfare",
        "name_es": "Ministerio de Trabajo, Empleo y Previsión Social",
        "acronym": "MTEPS",
        "former_names": [
            {"name": "Ministry of Labor", "until_year": 2009},  # DS 29894, Feb 2009
        ],
    },
    {
        "iso": "BR",
        "name_en": "Ministry of Labor and Employment",
        "name_es": "Ministerio de Trabajo y Empleo",
        "acronym": "MTE",
        "former_names": [],
    },  # source: 001 (name cycled 2015-2022 and returned to MTE in 2023; not modelled)
    {
        "iso": "CA",
        "name_en": "Employment and Social Development Canada",
        "name_es": "Empleo y Desarrollo Social Canadá",
        "acronym": "ESDC",
        "former_names": [
            {"name": "Human Resources Development Canada", "until_year": 2003},
            {"name": "Human Resources and Skills Development Canada", "until_year": 2013},
        ],
    },  # source: 000 (HRSDC, 2004), 004 (HRSDC), 003 (ESDC Labour Program, 2015)
    {
        "iso": "CL",
        "name_en": "Ministry of Labor and Social Protection",
        "name_es": "Ministerio del Trabajo y Previsión Social",
        "acronym": "MINTRAB",
        "former_names": [],
    },  # source: 000 (English name as given in the seed)
    {
        "iso": "CO",
        "name_en": "Ministry of Labor",
        "name_es": "Ministerio del Trabajo",
        "acronym": "MinTrabajo",
        "former_names": [
            {"name": "Ministry of Labor and Social Security", "until_year": 2002},
            {"name": "Ministry of Social Protection", "until_year": 2011},
        ],
    },  # source: 003 ("Ministry of Labor of Colombia"); Law 790/2002, Law 1444/2011
    {
        "iso": "CR",
        "name_en": "Ministry of Labor and Social Security",
        "name_es": "Ministerio de Trabajo y Seguridad Social",
        "acronym": "MTSS",
        "former_names": [],
    },
    {
        "iso": "CU",
        "name_en": "Ministry of Labor and Social Security",
        "name_es": "Ministerio de Trabajo y Seguridad Social",
        "acronym": "MTSS",
        "former_names": [],
    },
    {
        "iso": "DM",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "DO",
        "name_en": "Ministry of Labor",
        "name_es": "Ministerio de Trabajo",
        "acronym": "MT",
        "former_names": [
            {"name": "State Secretariat of Labor", "until_year": 2010},  # 2010 Constitution
        ],
    },  # source: 003 ("Ministry of Labor of Dominican Republic")
    {
        "iso": "EC",
        "name_en": "Ministry of Labor",
        "name_es": "Ministerio del Trabajo",
        "acronym": "MDT",
        "former_names": [
            # Seed name; 2004 is the last year attested (000), not a verified rename year.
            {"name": "Ministry of Labor and Human Resources", "until_year": 2004},
            {"name": "Ministry of Labor and Employment", "until_year": 2009},
            {"name": "Ministry of Labor Relations", "until_year": 2014},
        ],
    },  # source: 000 (former name)
    {
        "iso": "SV",
        "name_en": "Ministry of Labor and Social Welfare",
        "name_es": "Ministerio de Trabajo y Previsión Social",
        "acronym": "MTPS",
        "former_names": [],
    },  # seeds say "Ministry of Labor, El Salvador" (000)
    {
        "iso": "GD",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "GT",
        "name_en": "Ministry of Labor and Social Welfare",
        "name_es": "Ministerio de Trabajo y Previsión Social",
        "acronym": "MINTRAB",
        "former_names": [],
    },
    {
        "iso": "GY",
        "name_en": "Ministry of Labour",
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [
            {"name": "Ministry of Labour, Human Services and Social Security", "until_year": 2015},
            {"name": "Ministry of Social Protection", "until_year": 2020},
        ],
    },
    {
        "iso": "HT",
        "name_en": "Ministry of Social Affairs and Labor",
        "name_es": "Ministerio de Asuntos Sociales y Trabajo",
        "acronym": "MAST",
        "former_names": [],
    },
    {
        "iso": "HN",
        "name_en": "Secretariat of Labor and Social Security",
        "name_es": "Secretaría de Trabajo y Seguridad Social",
        "acronym": "STSS",
        "former_names": [],
    },
    {
        "iso": "JM",
        "name_en": "Ministry of Labour and Social Security",
        "name_es": "Ministerio de Trabajo y Seguridad Social",
        "acronym": "MLSS",
        "former_names": [],
    },  # source: 003
    {
        "iso": "MX",
        "name_en": "Secretariat of Labor and Social Welfare",
        "name_es": "Secretaría del Trabajo y Previsión Social",
        "acronym": "STPS",
        "former_names": [],
    },  # source: 001, 004
    {
        "iso": "NI",
        "name_en": "Ministry of Labor",
        "name_es": "Ministerio del Trabajo",
        "acronym": "MITRAB",
        "former_names": [],
    },
    {
        "iso": "PA",
        "name_en": "Ministry of Labor and Workforce Development",
        "name_es": "Ministerio de Trabajo y Desarrollo Laboral",
        "acronym": "MITRADEL",
        "former_names": [],
    },  # source: 003
    {
        "iso": "PY",
        "name_en": "Ministry of Labor, Employment and Social Security",
        "name_es": "Ministerio de Trabajo, Empleo y Seguridad Social",
        "acronym": "MTESS",
        "former_names": [
            # Labour was a vice-ministry of this ministry until MTESS was created (Law 5115).
            {"name": "Ministry of Justice and Labor", "until_year": 2013},
        ],
    },
    {
        "iso": "PE",
        "name_en": "Ministry of Labor and Employment Promotion",
        "name_es": "Ministerio de Trabajo y Promoción del Empleo",
        "acronym": "MTPE",
        "former_names": [
            {"name": "Ministry of Labor and Social Promotion", "until_year": 2002},  # Law 27711
        ],
    },  # source: 000
    {
        "iso": "KN",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "LC",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "VC",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "SR",
        "name_en": "Ministry of Labour",  # generic: portfolio title changes with cabinets
        "name_es": "Ministerio de Trabajo",
        "acronym": "",
        "former_names": [],
    },
    {
        "iso": "TT",
        "name_en": "Ministry of Labour and Small and Micro Enterprise Development",
        "name_es": "Ministerio de Trabajo y Desarrollo de la Pequeña y Microempresa",
        "acronym": "",
        "former_names": [],
    },  # source: 000, 003 (name as of 2004-2015; may have been retitled since)
    {
        "iso": "US",
        "name_en": "U.S. Department of Labor",
        "name_es": "Departamento de Trabajo de los Estados Unidos",
        "acronym": "USDOL",
        "former_names": [],
    },  # source: 000, 004 (acronym USDOL)
    {
        "iso": "UY",
        "name_en": "Ministry of Labor and Social Security",
        "name_es": "Ministerio de Trabajo y Seguridad Social",
        "acronym": "MTSS",
        "former_names": [],
    },
    {
        "iso": "VE",
        "name_en": "Ministry of People's Power for the Social Process of Work",
        "name_es": "Ministerio del Poder Popular para el Proceso Social de Trabajo",
        "acronym": "MPPPST",
        "former_names": [
            {
                "name": "Ministry of People's Power for Labor and Social Security",
                "until_year": 2014,
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# 3. Other institutions (advisory bodies, international organizations, other)
# ---------------------------------------------------------------------------

ADVISORY_BODY = "advisory_body"
INTERNATIONAL_ORGANIZATION = "international_organization"
OTHER = "other"

OTHER_INSTITUTIONS = [
    # Advisory bodies of the IACML
    {
        "acronym": "COSATE",
        "name_en": "Trade Union Technical Advisory Council",
        "name_es": "Consejo Sindical de Asesoramiento Técnico",
        "kind": ADVISORY_BODY,
    },  # source: 000, 001
    {
        "acronym": "CEATAL",
        "name_en": "Business Technical Advisory Committee on Labor Matters",
        "name_es": "Comisión Empresarial de Asesoramiento Técnico en Asuntos Laborales",
        "kind": ADVISORY_BODY,
    },  # source: 000, 001
    # International organizations that attended or took part in IACML meetings
    {
        "acronym": "OAS",
        "name_en": "Organization of American States",
        "name_es": "Organización de los Estados Americanos",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 003 (Technical Secretariat of the IACML)
    {
        "acronym": "ILO",
        "name_en": "International Labor Organization",
        "name_es": "Organización Internacional del Trabajo",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 001, 003, 004
    {
        "acronym": "PAHO",
        "name_en": "Pan American Health Organization",
        "name_es": "Organización Panamericana de la Salud",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 001, 002, 003, 004
    {
        "acronym": "IDB",
        "name_en": "Inter-American Development Bank",
        "name_es": "Banco Interamericano de Desarrollo",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 001, 003
    {
        "acronym": "CARICOM",
        "name_en": "Caribbean Community",
        "name_es": "Comunidad del Caribe",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 001
    {
        "acronym": "CIM",
        # Seeds vary: "Inter-American Committee on Women" (000), "Inter-American Commission
        # for Women" (002), "Inter-American Commission on Women" (004).
        "name_en": "Inter-American Commission on Women",
        "name_es": "Comisión Interamericana de Mujeres",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 002, 004 (OAS specialized body)
    {
        "acronym": "IACD",
        "name_en": "Inter-American Agency for Cooperation and Development",
        "name_es": "Agencia Interamericana para la Cooperación y el Desarrollo",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 002 (OAS agency; acronym not in the seeds)
    {
        "acronym": "OECD",
        "name_en": "Organisation for Economic Co-operation and Development",
        "name_es": "Organización para la Cooperación y el Desarrollo Económicos",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 003 (acronym only in the seed)
    {
        "acronym": "CISS",
        "name_en": "Inter-American Conference on Social Security",
        "name_es": "Conferencia Interamericana de Seguridad Social",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 003
    {
        "acronym": "CINTERFOR",
        "name_en": "Inter-American Centre for Knowledge Development in Vocational Training",
        "name_es": "Centro Interamericano para el Desarrollo del Conocimiento en la "
        "Formación Profesional",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 003 (acronym only in the seed; ILO centre)
    {
        "acronym": "ECLAC",
        "name_en": "Economic Commission for Latin America and the Caribbean",
        "name_es": "Comisión Económica para América Latina y el Caribe",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000 (as "CEPAL": SISMEL asked to link with it; not listed as attendee)
    {
        "acronym": "WB",
        "name_en": "World Bank",
        "name_es": "Banco Mundial",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000 (SISMEL asked to link with it; not listed as attendee)
    {
        "acronym": "WHO",
        "name_en": "World Health Organization",
        "name_es": "Organización Mundial de la Salud",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 003, 004 (supports asbestos symposium; WHO-ILO committee)
    {
        "acronym": "IOM",
        "name_en": "International Organization for Migration",
        "name_es": "Organización Internacional para las Migraciones",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 003 (acronym only; partner in Dominican Republic inspection dialogue)
    {
        "acronym": "MERCOSUR",
        "name_en": "Southern Common Market",
        "name_es": "Mercado Común del Sur",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 004 (regional integration system; social dialogue seminar)
    {
        "acronym": "CAN",
        "name_en": "Andean Community",
        "name_es": "Comunidad Andina",
        "kind": INTERNATIONAL_ORGANIZATION,
    },  # source: 000, 004 (regional integration system)
    # Other organizations
    {
        "acronym": "CLC",
        "name_en": "Commission for Labor Cooperation (North American Agreement on Labor "
        "Cooperation, NAALC)",
        "name_es": "Comisión para la Cooperación Laboral (Acuerdo de Cooperación Laboral de "
        "América del Norte, ACLAN)",
        "kind": OTHER,
    },  # source: 000, 001 (seed acronym "NAALC"; "CLC" chosen here)
    {
        "acronym": "NSC",
        "name_en": "National Safety Council",
        "name_es": "Consejo Nacional de Seguridad",
        "kind": OTHER,
    },  # source: 000 (country and acronym not stated; presumably the U.S. NSC)
]

# ---------------------------------------------------------------------------
# 4. Thematic areas
# ---------------------------------------------------------------------------
# (slug, name_en, name_es)

TOPICS = [
    ("labor-inspection", "Labor inspection", "Inspección del trabajo"),
    ("employment-services", "Employment services", "Servicios de empleo"),
    (
        "occupational-health-and-safety",
        "Occupational health and safety",
        "Seguridad y salud en el trabajo",
    ),
    ("social-dialogue", "Social dialogue", "Diálogo social"),
    ("child-labor", "Child labor", "Trabajo infantil"),
    ("gender-equality", "Gender equality", "Igualdad de género"),
    ("labor-market-information", "Labor market information", "Información del mercado laboral"),
    ("skills-certification", "Skills certification", "Certificación de competencias laborales"),
    (
        "alternative-dispute-resolution",
        "Alternative dispute resolution",
        "Resolución alternativa de conflictos",
    ),
    ("migrant-workers", "Migrant workers", "Trabajadores migrantes"),
    ("social-protection", "Social protection", "Protección social"),
    ("small-enterprises", "Small enterprises", "Pequeñas empresas"),
    ("informal-economy", "Informal economy", "Economía informal"),
    ("labor-dimension-of-trade", "Labor dimension of trade", "Dimensión laboral del comercio"),
]

# ---------------------------------------------------------------------------
# 5. IACML editions XII (2001) to XIX (2015)
# ---------------------------------------------------------------------------
# Exact dates are not in the seeds (they give at most the month); they are taken from the
# OAS final reports / declarations of each Conference.

CONFERENCES = [
    {
        "number": 12,
        "city": "Ottawa",
        "iso": "CA",
        "year": 2001,
        "start": "2001-10-17",
        "end": "2001-10-19",
    },  # source: 001 (Ottawa, 2001)
    {
        "number": 13,
        "city": "Salvador de Bahia",
        "iso": "BR",
        "year": 2003,
        "start": "2003-09-24",
        "end": "2003-09-26",
    },  # source: 001 (Salvador, Brazil, September 2003)
    {
        "number": 14,
        "city": "Mexico City",
        "iso": "MX",
        "year": 2005,
        "start": "2005-09-26",
        "end": "2005-09-27",
    },  # source: 001, 004 (Mexico chair of the XIV; city and dates from OAS report)
    {
        "number": 15,
        "city": "Port of Spain",
        "iso": "TT",
        "year": 2007,
        "start": "2007-09-11",
        "end": "2007-09-13",
    },  # source: 004 (planned for Trinidad & Tobago, September 2007)
    {
        "number": 16,
        "city": "Buenos Aires",
        "iso": "AR",
        "year": 2009,
        "start": "2009-10-06",
        "end": "2009-10-08",
    },
    {
        "number": 17,
        "city": "San Salvador",
        "iso": "SV",
        "year": 2011,
        "start": "2011-10-31",
        "end": "2011-11-01",
    },
    {
        "number": 18,
        "city": "Medellín",
        "iso": "CO",
        "year": 2013,
        "start": "2013-11-11",
        "end": "2013-11-12",
    },  # source: 003 (Medellin, Colombia, November 2013)
    {
        "number": 19,
        "city": "Cancún",
        "iso": "MX",
        "year": 2015,
        "start": "2015-12-03",
        "end": "2015-12-04",
    },  # source: 003 (announced for November 2015; it was held December 3-4, 2015)
]

# ---------------------------------------------------------------------------
# 6. Working groups and their authorities
# ---------------------------------------------------------------------------
# "conference" is the IACML whose cycle the authorities served (elected at that
# Conference, working until the next one). Chairs / vice-chairs are ministries of labor,
# identified by the ISO code of their state. The seeds give the names in English; the
# Spanish ones are the Conference's Spanish wording of the same mandates.

WORKING_GROUPS = [
    # XIII IACML cycle (Salvador de Bahia 2003 -> Mexico 2005). The groups were
    # established under the Ottawa Plan of Action (XII) and ratified at the XIII.
    {
        "conference": 13,
        "number": 1,
        "name_en": "Labor dimensions of the Summit of the Americas process",
        "name_es": "Dimensiones laborales del proceso de Cumbres de las Américas",
        "chair": "AR",
        "vice_chairs": ["US"],
    },  # source: 001
    {
        "conference": 13,
        "number": 2,
        "name_en": "Building the Capacity of Labor Ministries",
        "name_es": "Fortalecimiento de la capacidad de los Ministerios de Trabajo",
        "chair": "SV",
        "vice_chairs": ["CA"],
    },  # source: 000, 001
    # XIV IACML cycle (Mexico 2005 -> Port of Spain 2007): authorities per the Dec 2005
    # Planning Meeting. The seed does not name the groups; names from the OAS page of the
    # first WG meeting of the XIV IACML (Mexico City, April 2006).
    {
        "conference": 14,
        "number": 1,
        "name_en": "Decent Work as an Instrument for Development and Democracy in the "
        "Context of Globalization",
        "name_es": "El trabajo decente como instrumento para el desarrollo y la democracia en "
        "el contexto de la globalización",
        "chair": "AR",
        "vice_chairs": ["CR", "CL"],
    },  # source: 004
    {
        "conference": 14,
        "number": 2,
        "name_en": "Strengthening the Capacities of the Ministries of Labor to Respond to "
        "the Challenges of Promoting Decent Work in the Context of Globalization",
        "name_es": "Fortalecimiento de las capacidades de los Ministerios de Trabajo para "
        "responder a los desafíos de la promoción del trabajo decente en el contexto de la "
        "globalización",
        "chair": "SV",
        "vice_chairs": ["UY", "US"],
    },  # source: 004
    # XVIII IACML cycle (Medellin 2013 -> Cancun 2015)
    {
        "conference": 18,
        "number": 1,
        "name_en": "Employment as a pillar in the quest for equality and development",
        "name_es": "El empleo como pilar en la búsqueda de la igualdad y el desarrollo",
        "chair": "AR",
        "vice_chairs": ["US", "BS"],
    },  # source: 003
    {
        "conference": 18,
        "number": 2,
        "name_en": "Institutional strengthening for the protection of workers' rights and "
        "the promotion of social dialogue",
        "name_es": "Fortalecimiento institucional para la protección de los derechos de los "
        "trabajadores y la promoción del diálogo social",
        "chair": "CA",
        "vice_chairs": ["PE", "BB"],
    },  # source: 003
]
