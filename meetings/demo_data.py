"""Demo meetings of the IACML process (plain Python, no Django imports).

The facts come from the seed documents in ``shared/seeds/`` (the prefixes are those of
``network/demo_data.py``):

- 000  Report of the first meeting of Working Group 2 after the XIII IACML (OAS
  Headquarters, Washington D.C., May 13-14, 2004): six panels and a joint session with
  Working Group 1.
- 001  Report of the Technical Secretariat to the XIV IACML (2005): one sentence on who
  coordinated and supported the 2004 meeting.
- 003  Report of the second meeting of Working Group 2 of the XVIII IACML (Cartagena,
  Colombia, April 29, 2015): two panels and an information session.
- 004  Conclusions of the IACML Planning Meeting (Washington D.C., December 15-16, 2005)
  and its calendar of fifteen activities for 2006-2007.

Keys used below:

- institutions (coordinators, funding parties, presenters): a member state's ISO code
  stands for its ministry of labor; anything else is the acronym of another institution of
  ``network.demo_data.OTHER_INSTITUTIONS``. A party the directory lacks is a
  ``party_name``; a presenter's affiliation it lacks is an ``organization``.
- ``conference``: the number of the IACML whose cycle the meeting belongs to (the working
  groups of that cycle are ``working_groups``).
- ``time_zone``: the host city's, or its country's; none (the portal's default) when
  the host is not known.
- dates: ISO strings, already as the model stores them (a month's first day, or its 11th
  or 21st for its middle or end; a semester's first day; none when to be defined).
- ``date_note``: the seed's own words about the date.
- ``summary``: the paragraphs of what was said, condensed from the report.
- enum values are the strings of ``meetings.enums``.

The seed does not say on which of the two days of the 2004 meeting each panel took place,
and the model has no "day not stated": they are all given as day 1, in the report's order
(the joint session with Working Group 1 was on May 13, day 1).
"""

WASHINGTON = {
    "host_state": "US",
    "city": "Washington, D.C.",
    "venue": "OAS Headquarters",
    "time_zone": "America/New_York",
}

EACH_COUNTRY = "Each country"
# A funding line must name an item; where the seed names only the party ("Canada will
# study the possibility of funding this activity"), it is given as logistics, and says so.
NO_ITEM_NAMED = "the seed names no item"

# ---------------------------------------------------------------------------
# 1. Meetings held, with their agendas
# ---------------------------------------------------------------------------

HELD_MEETINGS = [
    {
        "seed": "000",
        "slug": "wg2-meeting-washington-2004",
        "kind": "working_group",
        "title_en": "First meeting of Working Group 2 of the XIII IACML",
        "title_es": "Primera reunión del Grupo de Trabajo 2 de la XIII CIMT",
        "conference": 13,
        "working_groups": [2],
        **WASHINGTON,
        "date_precision": "day",
        "start": "2004-05-13",
        "end": "2004-05-14",
        "month_part": "",
        "date_note": "",
        "status": "held",
        "description": (
            "First meeting of Working Group 2, “Building the Capacity of Labor Ministries”, "
            "after the XIII IACML. Representatives of 21 member states attended, among them "
            "El Salvador (Chair), Canada (Vice-Chair) and Brazil (Chair Pro Tempore of the "
            "Conference), with COSATE, CEATAL, CARICOM, the ILO, the OAS, PAHO, the "
            "Commission for Labor Cooperation (NAALC), the National Safety Council and the "
            "experts of the feasibility study for a cooperation mechanism.\n\n"
            "On the agenda: the group's work plan, mechanisms for resource optimization in "
            "the administration of labor ministries, the workshop on effective employment "
            "services, alternative dispute resolution, presentations by COSATE and CEATAL "
            "and a proposal by the Labor Market Information System (SISMEL). Next steps: a "
            "revised work plan with timeframes, joint priority setting with Working Group 1, "
            "and the revised plan on the OAS Virtual Forum."
        ),
        # The seed names the group's Chair and Vice-Chair; 001 says the OAS coordinated.
        "coordinators": ["SV", "CA", "OAS"],
        "topics": [
            "employment-services",
            "alternative-dispute-resolution",
            "occupational-health-and-safety",
            "labor-market-information",
        ],
        "funding": [
            {
                "party": "OAS",
                "item": "coordination",
                "status": "committed",
                "note": "Coordination, with the technical and financial support of the OAS "
                "(source: 001).",
            },
        ],
        "sessions": [
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 1 – Overview of Activities",
                "moderator": "",
                "presenters": [
                    {
                        "name": "Kevin Banks",
                        "title": "Vice-Chair of Working Group 2",
                        "institution": "CA",
                    },
                    {
                        "name": "Jorge Nieto",
                        "title": "Minister of Labor of El Salvador, Chair of Working Group 2",
                        "institution": "SV",
                    },
                    {
                        "name": "Sofialeticia Morales",
                        "title": "Director, Unit for Social Development and Education",
                        "institution": "OAS",
                    },
                    {
                        "name": "Luz Maritza Tennasse",
                        "title": "Chief of the Risk Assessment and Management Unit",
                        "institution": "PAHO",
                    },
                ],
                "summary": [
                    "Kevin Banks summarized the work of the group under the XII IACML in "
                    "three areas: new mechanisms to strengthen technical assistance, the use "
                    "of effective practices, and the promotion of the ILO Declaration on "
                    "Fundamental Principles and Rights at Work. Its recommendations for the "
                    "XIII IACML: explore support networks through the feasibility study for a "
                    "Mechanism for Professional Labor Administration, update the ILO "
                    "Project's inventory of technical assistance and cooperation projects and "
                    "examine the conditions for sustainable capacity building; exchange "
                    "information through the group's meetings or parallel initiatives; and "
                    "keep sharing best practices and resources to raise awareness of the ILO "
                    "Declaration, evaluate countries' experiences in eliminating child labor "
                    "and develop national indicators on fundamental rights and decent work.",
                    "Jorge Nieto presented the draft work plan: responsive and effective "
                    "mechanisms for technical assistance and capacity building, with the "
                    "feasibility study on the Cooperation Mechanism for Professional Labor "
                    "Administration as a priority; distance education combining live and "
                    "virtual learning; electronic databases on the activities carried out in "
                    "the Americas; the evaluation of decent work through indicators of "
                    "fundamental rights, by case studies in each country; possible ILO help "
                    "for a workshop on the results of the Labor Panorama 2003 and for "
                    "tripartite training of trainers on decent work and the ILO Declaration; "
                    "institutionalizing the Inter-American Workshop on Occupational Health and "
                    "Safety; and a permanent channel of communication between Working Groups "
                    "1 and 2.",
                    "Sofialeticia Morales introduced the OAS strategy of horizontal "
                    "cooperation. Within it, the Central American experience in occupational "
                    "health and safety (CERSSO) was analyzed at a workshop in El Salvador, "
                    "which led to commitments: presenting the experience at the next CARICOM "
                    "meeting of ministers of labor (a commitment of Belize), greater "
                    "coordination between the ministries of health and of labor, and more "
                    "collaboration among the organizations working in the field.",
                    "Luz Maritza Tennasse placed the issue within the millennium goals and "
                    "sustainable development, reported on the project on indicators and "
                    "decent work that PAHO develops with the ILO, called for inter-agency "
                    "cooperation, and supported holding the Occupational Health and Safety "
                    "Workshop every year in alternating locations.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 2 – Mechanisms for Resource Optimization in the "
                "Administration of Labor Ministries",
                "moderator": "",
                "presenters": [
                    {
                        "name": "Leonardo Neves",
                        "title": "Principal Technical Coordinator of the ILO-IACML Project",
                        "institution": "ILO",
                    },
                    {
                        "name": "Maria Fernanda Salazar",
                        "title": "Technical Director of Legal Affairs",
                        "institution": "EC",
                    },
                    {
                        "name": "Elmer Guillermo Arce",
                        "title": "Advisor to the Office of the Vice-Minister of Labor",
                        "institution": "PE",
                    },
                    {
                        "name": "Selby Brathwaite",
                        "title": "Director of Labor Administration",
                        "institution": "TT",
                    },
                ],
                "summary": [
                    "Leonardo Neves explained that the IACML-ILO Project seeks, through "
                    "research, consultations and social dialogue, agreements on horizontal "
                    "and technical cooperation that strengthen ministries of labor. Diagnoses "
                    "of labor administrations have been made in Ecuador, Nicaragua, Paraguay, "
                    "Peru and Trinidad and Tobago, but little has followed them: ministries "
                    "lack a permanent contact point, internal needs assessments and a sense of "
                    "immediacy to begin reform. On horizontal cooperation he recommended "
                    "evaluating the progress and difficulties of cooperation agreements, "
                    "defining each country's experiences and needs, and determining the most "
                    "effective methods for exchange, follow-up and sharing of information.",
                    "Countries reported on the follow-up to their diagnoses. Ecuador (Maria "
                    "Fernanda Salazar): its first diagnosis, made with ILO assistance, "
                    "highlighted vocational training of staff, particularly in inspection; a "
                    "national occupational health and safety plan coordinated with the "
                    "Ecuadorian Social Welfare Institute and the ministries of social welfare, "
                    "health and labor; the challenge of labor migration from Colombia and "
                    "Peru; and an action plan to review the legal framework, train and "
                    "reorganize personnel, establish a control system, promote the Ministry, "
                    "attend to vulnerable groups and build consensus.",
                    "Peru (Elmer Guillermo Arce) proposed measures on three levels: "
                    "organization (rules of procedure, and an autonomous body for conciliation "
                    "to relieve the national offices), operation (using existing State "
                    "resources in synergy with civil society), and registration and inspection "
                    "(pooling resources in centralized units, amending the inspection laws and "
                    "restructuring as Brazil and Argentina have done). He noted the lack of "
                    "preventive insurance in occupational health and safety and of information "
                    "for decision-making on employment, and the National Labor Council's "
                    "social dialogue on changes to the labor competitiveness law.",
                    "Trinidad and Tobago (Selby Brathwaite): the problem of industrial "
                    "relations is one of human resources. Conciliation units are understaffed "
                    "and rely on contracted consultants; social alliances, preventive "
                    "mediation, publications and research are lacking, and the ministry must "
                    "improve its advocacy and consultation with civil society.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 3 – Workshop on Effective Employment Services",
                "moderator": "",
                "presenters": [
                    {"name": "Anthony Giles", "title": "", "institution": "CLC"},
                    {"name": "Patricia Lopez-Guerra", "title": "", "institution": "CLC"},
                ],
                "summary": [
                    "The Commission for Labor Cooperation presented the agenda of the "
                    "workshop on effective employment services planned for September 29-30, "
                    "2004, endorsed by the three NAALC members: diagnosis of labor markets; "
                    "services linking the supply of and demand for employment (experiences of "
                    "Canada, Mexico, the United States and other countries); presentations by "
                    "union and employer organizations; and prospective analysis.",
                    "Canada asked participants for comments on the agenda and stressed that "
                    "experts in the field should present at the workshop; the United States "
                    "saw a chance to learn directly from the institutions involved in "
                    "employment services; Mexico asked countries to comment on the agenda and "
                    "to promote the workshop in their institutions.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 4 – Alternative Dispute Resolution",
                "moderator": "",
                "presenters": [
                    {
                        "name": "Maria Luz Vega",
                        "title": "Specialist on the Declaration of Principles and Rights, "
                        "ILO Geneva",
                        "institution": "ILO",
                    },
                    {
                        "name": "Juan Manuel Bolaños",
                        "title": "Advisor of the Ministry of Labor",
                        "institution": "SV",
                    },
                    {
                        "name": "Victor Felix",
                        "title": "Assistant Chief Labor Officer",
                        "institution": "BB",
                    },
                    {
                        "name": "Pablo Veloso",
                        "title": "International Relations Advisor",
                        "institution": "CL",
                    },
                    {
                        "name": "Arnold Powers",
                        "title": "Regional Director, Federal Mediation and Conciliation Service",
                        "institution": "CA",
                    },
                ],
                "summary": [
                    "Maria Luz Vega: dispute resolution works at the central level, but local "
                    "conflicts often find no support services, and ministries spend much "
                    "time, even at ministerial level, on individual and collective conflicts. "
                    "The ILO designed, with Universitas, MATAC and RELACENTRO, a diagnosis of "
                    "each country's dispute resolution system that is the basis of a "
                    "tripartite workshop drawing up a national plan of action, followed up "
                    "jointly by the ILO, technical cooperation projects, development agencies "
                    "and horizontal cooperation. It has been applied in Colombia, Honduras, "
                    "Nicaragua and El Salvador.",
                    "El Salvador (Juan Manuel Bolaños): disputes are settled out of court by "
                    "the labor administration or in the labor courts. A 2003 diagnosis made "
                    "with the ILO and adopted at a tripartite workshop called for modern "
                    "conciliation methods based on tripartite consensus; the plan of action "
                    "provides for training, agreements with the Attorney General's office and "
                    "a conciliation handbook, and the service is being strengthened with "
                    "permanent training, promotion of mediation and conciliation, tripartism, "
                    "better premises and ongoing evaluation.",
                    "Barbados (Victor Felix): industrial relations rest on minimal State "
                    "intervention and on collective bargaining; conciliation, open and "
                    "voluntary, is used for individual and collective conflicts. Its sessions "
                    "are off the record, and if it fails the parties may return to their "
                    "original positions.",
                    "Chile (Pablo Veloso): the labor mediation system, created in 2002 under "
                    "the Labor Directorate, has centres for the mediation and conciliation of "
                    "individual and collective conflicts, staffed by a national team trained "
                    "in mediation, to bring a culture of dialogue into labor relations. In "
                    "2002, 70% of mediations ended in agreement.",
                    "Canada (Arnold Powers): the Federal Mediation and Conciliation Service, "
                    "15 mediators serving companies under the Federal Labor Code (mainly "
                    "transportation and telecommunications), runs a mandatory conciliation "
                    "of 60 days (with possible extension) before a strike, then 21 days of "
                    "mediation. It also offers grievance mediation, the appointment of "
                    "arbitrators and preventive mediation: relationship by objectives, "
                    "committee effectiveness (the most effective program), training in "
                    "negotiation and facilitation, collaborative problem-solving, grievance "
                    "resolution and training of supervisors.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 5 – Presentations by Advisory Bodies",
                "moderator": "",
                "presenters": [
                    {
                        "name": "Ruben Cortina",
                        "title": "Vice-president of COSATE",
                        "institution": "COSATE",
                    },
                    {
                        "name": "Andres Yuren",
                        "title": "Representative of CEATAL",
                        "institution": "CEATAL",
                    },
                ],
                "summary": [
                    "COSATE (Ruben Cortina): ministries of labor are not prepared for the "
                    "structural unemployment of today's economies and must strengthen their "
                    "capacity to adjust to the current labor market. COSATE supports and "
                    "wants to take part in the NAALC workshop, and finds the employment "
                    "services experiences of the region and of Europe relevant; employment "
                    "services are efficient only with fluid relations between labor "
                    "administrations and economic policy-makers. Social dialogue and "
                    "tripartism must also involve the finance and education ministries, and "
                    "bodies such as the Committee for Small Economies of the FTAA should be "
                    "invited to these meetings.",
                    "CEATAL (Andres Yuren): its members will be consulted on the three "
                    "proposals made at the meeting (an Inter-American Committee on Labor, "
                    "Brazil's Inter-American Fund for the Promotion of Decent Work, and the "
                    "Inter-American Cooperation Mechanism for Professional Labor "
                    "Administration); it underlined the participation of social actors in "
                    "these forums and in developing the proposals.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 6 – Proposal by the Labor Markets Information System (SISMEL)",
                "moderator": "",
                "presenters": [
                    {
                        "name": "Juan Bosch",
                        "title": "Pro Tempore Secretary of SISMEL",
                        "organization": "Labor Market Information System (SISMEL)",
                    },
                ],
                "summary": [
                    "SISMEL began at the X IACML under the INEI of Peru; the XII IACML named "
                    "Uruguay its pro tempore secretariat, and the XIII asked Uruguay to "
                    "continue until SISMEL's future is decided. In December 2003 the IACML "
                    "asked the Secretariat to link with MECOVI, CEPAL and the World Bank on "
                    "the standardization of surveys and to propose links between SISMEL and "
                    "other labor market information initiatives.",
                    "The consultations found the project little known to ministries of labor "
                    "and still seeking its objectives. The Secretariat proposed an "
                    "Inter-American workshop on labor information and employment policies "
                    "(outline annexed to the meeting's documents), a dialogue with "
                    "institutions funding producers of statistics, and resources to decide "
                    "the project's future. SISMEL would give its work to the Cooperation "
                    "Mechanism if it is endorsed, and pending a decision the OAS could hold "
                    "the project's database. USDOL was thanked for a server at Uruguay's "
                    "National Institute of Statistics and the redesign of the web page.",
                ],
            },
            {
                "day": 1,
                "kind": "session",
                "title": "Joint meeting of Working Groups 1 and 2: progress report on the "
                "feasibility study for an Inter-American Cooperation Mechanism for "
                "Professional Labour Administration",
                "moderator": "",
                "presenters": [
                    {"name": name, "title": "Expert responsible for the feasibility study"}
                    for name in ("Roger Lecourt", "Carlos Alberto Ramos", "Bernardo Ardavín")
                ],
                "summary": [
                    "The study, mandated by the Declaration and Plan of Action of Salvador, "
                    "is to give the ministers options and recommendations for a cooperative "
                    "mechanism for professional labour administration. Such a mechanism could "
                    "serve, regionally and sub-regionally, to increase the role of ministries "
                    "of labour, address the labour dimension of free trade agreements, "
                    "implement the Decent Work agenda, promote tripartite dialogue, make the "
                    "ministries' efforts stable and sustainable, integrate labour and "
                    "employment policies, and harmonize economic growth and social progress.",
                    "The experts presented six options: sub-regional networks; a hemispheric "
                    "network with a focal point; an Inter-American Committee, like those on "
                    "culture and education; an Inter-American School, mainly by distance "
                    "learning, directed by an independent board; an Inter-American Center, "
                    "autonomous within the OAS system and modeled on the Justice Studies "
                    "Center for the Americas; and an Inter-American Institute, a specialized "
                    "organization that would need a multilateral treaty and does not appear "
                    "practical.",
                    "Ranking the options by the Delphi method, participants largely supported "
                    "four: the hemispheric network (30.4% of the total score), the school "
                    "(21.6%), the center (18.1%) and the committee (15.8%). The experts will "
                    "draw up a detailed framework for each of them.",
                ],
            },
        ],
        "documents": [],
    },
    {
        "seed": "004",
        "slug": "iacml-planning-meeting-2005",
        "kind": "planning",
        "title_en": "IACML Planning Meeting",
        "title_es": "Reunión de Planificación de la CIMT",
        "conference": 14,
        "working_groups": [1, 2],
        **WASHINGTON,
        "date_precision": "day",
        "start": "2005-12-15",
        "end": "2005-12-16",
        "month_part": "",
        "date_note": "",
        "status": "held",
        "description": (
            "Coordinated by the Office of Education, Science and Technology of the OAS as "
            "Technical Secretariat, to set the IACML calendar of activities 2006-2007 on the "
            "Plans of Action of Mexico and Mar del Plata, to coordinate the main actors of "
            "the process and to determine their financial and in-kind commitments. Attended "
            "by the Troika (Mexico, Brazil, Trinidad & Tobago), the authorities of Working "
            "Group 1 (Argentina, Costa Rica, Chile) and Working Group 2 (El Salvador, "
            "Uruguay, United States), Canada, COSATE, the ILO and PAHO.\n\n"
            "It approved fifteen activities, the topics of each working group and guidelines "
            "for the working groups' meetings: an agenda approved by the Chair and "
            "Vice-Chairs after consulting the member states, COSATE and CEATAL; preliminary "
            "national reports compiled by the Technical Secretariat; brief presentations "
            "leaving time for debate; and an abstract by the Chair and Vice-Chairs as the "
            "basis of the final reports. Ministries of labor fund most activities, with "
            "in-kind contributions from the OAS, PAHO and the ILO; funds of the USDOL-ILO "
            "Project may help, pending donor decision, and what is left in the OAS Subfund "
            "for labor supports key activities (the working groups' meetings, the XV IACML "
            "Preparatory)."
        ),
        "coordinators": ["OAS"],
        "topics": [
            "child-labor",
            "employment-services",
            "social-dialogue",
            "labor-inspection",
            "migrant-workers",
            "labor-dimension-of-trade",
            "informal-economy",
            "small-enterprises",
        ],
        "funding": [],
        "sessions": [],
        "documents": [],
    },
    {
        "seed": "003",
        "slug": "wg2-meeting-cartagena-2015",
        "kind": "working_group",
        "title_en": "Second meeting of Working Group 2 of the XVIII IACML",
        "title_es": "Segunda reunión del Grupo de Trabajo 2 de la XVIII CIMT",
        "conference": 18,
        "working_groups": [2],
        "host_state": "CO",
        "city": "Cartagena",
        "venue": "",
        "time_zone": "America/Bogota",
        "date_precision": "day",
        "start": "2015-04-29",
        "end": "2015-04-29",
        "month_part": "",
        "date_note": "",
        "status": "held",
        "description": (
            "Held in conjunction with the meeting of Working Group 1 and the 1st Preparatory "
            "Meeting of the XIX IACML. Coordinated by the Department of Social Inclusion of "
            "the OAS (SEDI) as Technical Secretariat and organized with the Ministries of "
            "Labor of Canada (Chair) and of Peru and Barbados (Vice-Chairs); financed by the "
            "Government of Colombia. Delegations of 20 ministries of labor attended, with "
            "COSATE, CEATAL, the ILO, CINTERFOR, PAHO, the OECD, the IDB, the OAS and CISS.\n\n"
            "Working Group 2, “Institutional strengthening for the protection of workers' "
            "rights and the promotion of social dialogue”, follows up on the Declaration of "
            "Medellin as regards strengthening ministries of labor as the foundation for the "
            "enforcement of labor legislation, worker and employer protection and harmonious "
            "labor relations."
        ),
        "coordinators": ["OAS", "CA", "PE", "BB"],
        "topics": ["labor-inspection", "social-dialogue"],
        "funding": [
            {
                "party_name": "Government of Colombia",
                "item": "logistics",
                "status": "committed",
                "note": "“It was financed with resources from the Government of Colombia” "
                f"({NO_ITEM_NAMED}).",
            },
        ],
        "sessions": [
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 1: International Cooperation on Labor Matters",
                "moderator": "Rakesh Patry, Chair of Working Group 2",
                "presenters": [
                    {
                        "name": "Rakesh Patry",
                        "title": "Director General, International and Intergovernmental "
                        "Labour Affairs, Labour Program",
                        "institution": "CA",
                    },
                    {
                        "name": "Rorix Núñez",
                        "title": "Director of International Technical Cooperation",
                        "institution": "PA",
                    },
                    {
                        "name": "Andrea Patterson-Morris",
                        "title": "Director, Corporate Planning Department",
                        "institution": "JM",
                    },
                ],
                "summary": [
                    "The Chair opened the panel by stressing that, whatever its form, "
                    "international cooperation should bring positive changes in ministries of "
                    "labor that promote respect for workers' rights. That takes well-defined "
                    "needs; ownership by donors and recipients, spreading the knowledge "
                    "through their institutions; measurable results; and internal and "
                    "inter-institutional coordination.",
                    "Many ministries now have cooperation units, which build an integrated "
                    "vision from domestic needs and identify the cooperation they require. "
                    "Ministries increasingly manage cooperation as active agents defining "
                    "their own priorities, often as both recipients and providers, and "
                    "imposed conditions are less accepted. Tripartite dialogue in the ILO and "
                    "the OAS's cooperation tools make better use of cooperation, and "
                    "international organizations act as brokers of dialogue and trust.",
                    "South-south and triangular cooperation is growing, as more countries "
                    "reach middle-high income and traditional donors give less: it lets "
                    "countries learn from others' practices, saving time and resources, and "
                    "makes all partners equal. The RIAL was recognized as a tool that has "
                    "extended south-south cooperation and strengthened ministries' programs. "
                    "Brazil was recognized as a leader, sharing its policies in the region and "
                    "in Africa, and Panama as a regional donor despite its small ministry. "
                    "Cooperation focuses more and more on employment (public employment "
                    "services, labor market information) while remaining strong in labor "
                    "inspection and social dialogue; PAHO cited its committee with WHO and the "
                    "ILO on workers' health as an example of coordination among "
                    "organizations.",
                    "Suggestions: more indicators to measure technical cooperation "
                    "qualitatively; greater use of virtual tools; aligning cooperation with "
                    "each country's and ministry's development plans; good-practice matrices "
                    "or databases such as the RIAL Portfolio; and technical rather than "
                    "political profiles for participating officials. COSATE, drawing on the "
                    "ITUC's study network, held south-south cooperation to be the most "
                    "appropriate form, and called for equality between donors and recipients, "
                    "autonomy, transparency, disclosed results, accountability and ownership, "
                    "never unilateral imposition.",
                ],
            },
            {
                "day": 1,
                "kind": "information",
                "title": "Information Session on the Inter-American Network for Labor "
                "Administration (RIAL)",
                "moderator": "Rakesh Patry, Chair of Working Group 2",
                "presenters": [
                    {
                        "name": "Maria Claudia Camacho",
                        "title": "RIAL Coordinator",
                        "institution": "OAS",
                    },
                    {
                        "name": "Carolina Ahumada",
                        "title": "Consultant for the Department of Social Inclusion, SEDI",
                        "institution": "OAS",
                    },
                ],
                "summary": [
                    "The Technical Secretariat reported on the RIAL's results and activities "
                    "from 2006 to 2015 (CIMT-18/GT1-GT2/doc.6/15), the state of the Voluntary "
                    "Contribution Fund (CIMT-18/GT1-GT2/doc.7/15) and the state of the "
                    "Portfolio of RIAL programs. It described the RIAL as a cooperation "
                    "mechanism among equals and a learning community, created and financed by "
                    "the ministries of labor and operated from the OAS, whose achievements "
                    "include stronger south-south cooperation, consolidated knowledge, "
                    "improved internal practices, new and better programs, support for new "
                    "agencies and offices, and new initiatives and policy frameworks; it has "
                    "adopted new technology such as webinars, one of which allowed "
                    "cooperation match-making in the last call for proposals. To improve: the "
                    "Program Portfolio, whose platform is obsolete; the website; and the news "
                    "ministries send for the biweekly newsletter.",
                    "Finances: financial contributions of US$467,815 since 2011 ($267,815 from "
                    "15 countries and $200,000 from Canada) and $128,000 in kind, a total of "
                    "$595,815. Expenses of $538,832 leave a balance of $56,983, while the "
                    "minimum annual budget, the balance needed at the end of 2015, is "
                    "$120,000. Delegations were asked to increase their contributions.",
                    "Delegations thanked the RIAL for its 10 years, to be celebrated at the "
                    "XIX IACML in November 2015, and credited it with concrete results. An ad "
                    "hoc committee of the focal points of Argentina, Colombia, Mexico, "
                    "Guatemala, Trinidad and Tobago and the United States will improve the "
                    "website and the Program Portfolio. On Colombia's proposal, seconded by "
                    "Argentina, up to $20,000 was approved to redesign the virtual platform "
                    "and up to $5,000 for a commemorative publication on the 10th "
                    "anniversary; $10,000 was approved for human resources to support the "
                    "RIAL team during the OAS transition. Carolina Ahumada, RIAL program "
                    "officer for six years, was thanked. Mexico committed to contributing to "
                    "the Voluntary Contribution Fund.",
                    "COSATE said it feels part of the RIAL, which has helped institutionalize "
                    "a democratic process within the OAS and influenced a new system of labor "
                    "relations in the Americas; CEATAL said it has made governments more "
                    "aware that solutions are found only through social dialogue, with "
                    "employers and workers taking part on an equal footing.",
                ],
            },
            {
                "day": 1,
                "kind": "panel",
                "title": "Panel 2 – Compliance with Labor Laws, Effective Exercise of "
                "Fundamental Principles and Rights at Work, and Strengthening of Labor "
                "Inspection",
                "moderator": "Rakesh Patry, Chair of Working Group 2",
                "presenters": [
                    {
                        "name": "Gerardina González",
                        "title": "Deputy Director for Management, ILO Regional Office for "
                        "Latin America and the Caribbean",
                        "institution": "ILO",
                    },
                    {"name": "Farouk Mohammed", "title": "Labour Inspector", "institution": "TT"},
                    {
                        "name": "Valentín Herrera",
                        "title": "Director General of Labor",
                        "institution": "DO",
                    },
                    {
                        "name": "Nancy Fonseca",
                        "title": "COPARMEX (Mexico), member of CEATAL",
                        "institution": "CEATAL",
                    },
                    {
                        "name": "Aurelio Linero",
                        "title": "CONEP (Panama), member of CEATAL",
                        "institution": "CEATAL",
                    },
                    {
                        "name": "Antonio Lisboa",
                        "title": "CUT (Brazil), Vice-Chair of COSATE",
                        "institution": "COSATE",
                    },
                ],
                "summary": [
                    "Inspection ensures the application of labor laws and promotes compliance "
                    "with them: the effectiveness of labor laws and the role of inspection go "
                    "hand in hand. ILO Conventions 81 and 129 give inspectors three tasks: "
                    "enforce labor legislation, advise workers and employers on applying it, "
                    "and make authorities aware of its deficiencies. Inspection suffers from "
                    "tasks outside inspectors' duties, their concentration in some regions or "
                    "sectors, contractual instability with changes of government, inadequate "
                    "salaries and means such as transportation, and their number: Latin "
                    "America and the Caribbean average 0.6 inspectors per 10,000 workers, "
                    "where the ILO recommends 1.",
                    "Initiatives in the region: coordination with other public entities "
                    "(Costa Rica, Dominican Republic); complaint commissions (Colombia, "
                    "Guatemala); strengthening local labor administrations (Dominican "
                    "Republic); social dialogue on inspection (Uruguay's National Advisory "
                    "Council on Labour Inspection Policies and National Occupational Safety "
                    "and Health Council, Chile's tripartite council of users, Paraguay's "
                    "dialogue roundtables); voluntary self-evaluation and simpler company "
                    "declarations through the DECLARI platform (Chile, Mexico); pilot programs "
                    "(Guatemala, tourism in the Dominican Republic, child labor in Panama); "
                    "real-time case tracking (Costa Rica, Guatemala, El Salvador); "
                    "specialized training of inspectors (Colombia, Peru, Chile, Uruguay); "
                    "digital files (Argentina) and the BENETUS workforce registry (Uruguay); "
                    "and regulations to professionalize inspectors or increase their number "
                    "(Chile, Colombia).",
                    "Inspection should be strategic, with programs by area based on needs "
                    "rather than only answers to complaints: Argentina's National Plan for "
                    "Labor Regularization (PNRT), also aimed at non-registered labor; "
                    "inspectors trained in both labor inspection and social security in "
                    "Honduras; inspection procedures and criteria for interpreting "
                    "regulations in Chile and Paraguay; labor formalization agreements with "
                    "employers, in exchange for fines, that have given more than 23,000 "
                    "workers a secure contract. It should be preventive, like Colombia's "
                    "Special Commission for the Treatment of Conflicts (CETCOIT), and done "
                    "with partners: some 1,000 annual inspections in Trinidad and Tobago with "
                    "the OAS, the ILO, unions, employers and public agencies; the Dominican "
                    "Republic's dialogue with the Public Ministry, the Judiciary School, the "
                    "ILO and IOM; night inspections with the Public Ministry in Nicaragua.",
                    "Access should be easier through satellite offices and IT. Training the "
                    "community to play an active role complements the inspectors' work "
                    "(Trinidad and Tobago's Program to Train Work Defenders), as do workshops "
                    "and talks for workers and employers, the Dominican Republic's television "
                    "program “The Ministry of Labor Reports” and its monitoring committee in "
                    "each state. CEATAL said the business sector instructs enterprises to "
                    "comply with the law and promotes ratification of the fundamental ILO "
                    "conventions; many companies work with international organizations on "
                    "child labor, formalization, gender equality, freedom of association and "
                    "collective bargaining.",
                ],
            },
        ],
        "documents": [
            {
                "symbol": "CIMT-18/GT1-GT2/doc.6/15",
                "title_en": "Report on the results and activities of the RIAL, 2006-2015",
                "title_es": "Informe sobre los resultados y actividades de la RIAL, 2006-2015",
                "kind": "report",
            },
            {
                "symbol": "CIMT-18/GT1-GT2/doc.7/15",
                "title_en": "Report on the state of the Voluntary Contribution Fund of the RIAL",
                "title_es": "Informe sobre el estado del Fondo de Aportes Voluntarios de la RIAL",
                "kind": "report",
            },
        ],
    },
]

# ---------------------------------------------------------------------------
# 2. The calendar of activities 2006-2007 approved by the Planning Meeting (004)
# ---------------------------------------------------------------------------
# In the order of the seed. "status" is the plan's: proposed where the seed makes the
# activity conditional or leaves its holding or format to be decided, confirmed otherwise.
# Each entry has an empty agenda and no documents.


def _oas_coordination():
    return {"party": "OAS", "item": "coordination", "status": "committed", "note": ""}


def _travel_of_each_country():
    return {"party_name": EACH_COUNTRY, "item": "travel_own", "status": "committed", "note": ""}


def _covers(party, *items, note=""):
    return [{"party": party, "item": item, "status": "committed", "note": note} for item in items]


PLANNED_ACTIVITIES = [
    {
        "number": 1,
        "slug": "seminar-on-social-dialogue-2006",
        "kind": "seminar",
        "title_en": "Seminar on social dialogue",
        "title_es": "Seminario sobre diálogo social",
        "conference": 14,
        "working_groups": [],
        # The first of the seed's two options; the other is in the date note.
        "host_state": "AR",
        "city": "Buenos Aires",
        "time_zone": "America/Argentina/Buenos_Aires",
        "date_precision": "day",
        "start": "2006-03-23",
        "end": "2006-03-24",
        "month_part": "",
        "date_note": "Buenos Aires, March 23 and 24, 2006 or Uruguay during second semester, 2006",
        "status": "proposed",
        "description": (
            "MERCOSUR countries and the European Union hold a seminar on social dialogue in "
            "Buenos Aires in March 2006, where other countries of the region may share their "
            "experiences (Mexico asked for a space to present its social dialogue with "
            "productive sectors). If not all IACML members can take part, Uruguay will "
            "organize an event on the topic in the second semester of 2006, planned with "
            "Mexico and the Technical Secretariat. Funding to be defined once MERCOSUR "
            "answers whether the other IACML members may be invited."
        ),
        "coordinators": ["UY", "MX", "OAS"],
        "topics": ["social-dialogue"],
        "funding": [],
    },
    {
        "number": 2,
        "slug": "working-groups-meeting-2006",
        "kind": "working_group",
        "title_en": "Working Groups Meeting of 2006 and Workshop on National Labor Awards",
        "title_es": "Reunión de los Grupos de Trabajo de 2006 y Taller sobre Premios "
        "Nacionales al Trabajo",
        "conference": 14,
        "working_groups": [1, 2],
        "host_state": "MX",
        "city": "",
        "time_zone": "America/Mexico_City",
        "date_precision": "month",
        "start": "2006-04-01",
        "end": None,
        "month_part": "beginning",
        "date_note": "Mexico, beginning of April, 2006",
        "status": "confirmed",
        "description": (
            "The working groups meet jointly with a half-day or one-day workshop on Labor "
            "Awards coordinated by Mexico. Their agendas are defined by the working groups' "
            "authorities with the Technical Secretariat and include the topics identified "
            "at the Planning Meeting."
        ),
        "coordinators": ["MX", "OAS"],
        "topics": ["labor-inspection"],
        "funding": [
            *_covers("MX", "logistics", "interpretation"),
            _oas_coordination(),
            *_covers("ILO", "translation"),
            _travel_of_each_country(),
        ],
    },
    {
        "number": 3,
        "slug": "asbestos-symposium-2006",
        "kind": "symposium",
        "title_en": "Asbestos Symposium for Latin American countries",
        "title_es": "Simposio sobre asbesto para los países de América Latina",
        "conference": 14,
        "working_groups": [],
        "host_state": "BR",
        "city": "São Paulo",
        "time_zone": "America/Sao_Paulo",
        "date_precision": "day",
        "start": "2006-04-26",
        "end": "2006-04-28",
        "month_part": "",
        "date_note": "Sao Paulo, Brazil, April 26-28, 2006",
        "status": "confirmed",
        "description": (
            "Organized by Fundacentro of Brazil with the support of WHO, the ILO and other "
            "institutions; the organizers invite the IACML members."
        ),
        "coordinators": [],
        "topics": ["occupational-health-and-safety"],
        "funding": _covers(
            "BR",
            "logistics",
            "accommodation",
            note="Brazil covers logistics and the organization of the Seminar, and accommodation.",
        ),
    },
    {
        "number": 4,
        "slug": "workshop-on-fundacersso-2006",
        "kind": "workshop",
        "title_en": "Workshop on FUNDACERSSO and other topics on occupational health and safety",
        "title_es": "Taller sobre FUNDACERSSO y otros temas de seguridad y salud en el trabajo",
        "conference": 14,
        "working_groups": [],
        "host_state": "SV",
        "city": "",
        "time_zone": "America/El_Salvador",
        # "May of June, 2006" in the seed: May or June, both in the first semester.
        "date_precision": "semester",
        "start": "2006-01-01",
        "end": None,
        "month_part": "",
        "date_note": "El Salvador, May or June, 2006",
        "status": "confirmed",
        "description": (
            "Follow-up to the workshop “Occupational Health and Safety, the experience of "
            "CERSSO” of April 2004, in the framework of the XIII IACML. El Salvador, the OAS "
            "and PAHO coordinate and organize it, with the support of Canada."
        ),
        "coordinators": ["SV", "OAS", "PAHO"],
        "topics": ["occupational-health-and-safety"],
        "funding": [
            {
                "party": "CA",
                "item": "logistics",
                "status": "studying",
                "note": f"Canada will study the possibility of funding this activity "
                f"({NO_ITEM_NAMED}).",
            },
            *(
                {
                    "party": party,
                    "item": "logistics",
                    "status": "undefined",
                    "note": f"PAHO and El Salvador could provide some funding ({NO_ITEM_NAMED}).",
                }
                for party in ("PAHO", "SV")
            ),
        ],
    },
    {
        "number": 5,
        "slug": "cosate-activity-on-the-social-charter-2006",
        "kind": "workshop",
        "title_en": "Activity of COSATE on the Social Charter",
        "title_es": "Actividad del COSATE sobre la Carta Social",
        "conference": 14,
        "working_groups": [],
        "host_state": "BR",
        "city": "Brasília",
        "time_zone": "America/Sao_Paulo",
        "date_precision": "month",
        "start": "2006-05-01",
        "end": None,
        "month_part": "",
        "date_note": "Brasilia, in the framework of the ILO American Regional Meeting (May 3-5, "
        "2006)",
        "status": "confirmed",
        "description": (
            "COSATE and the Technical Secretariat organize an activity on the Social Charter "
            "being drafted by the OAS."
        ),
        "coordinators": ["COSATE", "OAS"],
        "topics": [],
        "funding": [
            {
                "party": "CA",
                "item": "logistics",
                "status": "studying",
                "note": f"Canada will study the possibility of funding this activity "
                f"({NO_ITEM_NAMED}).",
            },
        ],
    },
    {
        "number": 6,
        "slug": "ceatal-meeting-2006",
        "kind": "workshop",
        "title_en": "Meeting of CEATAL",
        "title_es": "Reunión de la CEATAL",
        "conference": 14,
        "working_groups": [],
        "host_state": "BR",
        "city": "Brasília",
        "time_zone": "America/Sao_Paulo",
        "date_precision": "month",
        "start": "2006-05-01",
        "end": None,
        "month_part": "",
        "date_note": "Brasilia, in the framework of the ILO American Regional Meeting (May 3-5, "
        "2006)",
        "status": "confirmed",
        "description": (
            "CEATAL holds a half-day meeting to analyze some priority issues, assisted by the "
            "Technical Secretariat."
        ),
        "coordinators": ["CEATAL", "OAS"],
        "topics": [],
        "funding": [
            {
                "party": "CEATAL",
                "item": "logistics",
                "status": "undefined",
                "note": f"CEATAL and other, to be defined ({NO_ITEM_NAMED}).",
            },
        ],
    },
    {
        "number": 7,
        "slug": "seminar-on-labor-rights-of-migrant-workers-2006",
        "kind": "seminar",
        "title_en": "Seminar on labor rights of migrant workers",
        "title_es": "Seminario sobre los derechos laborales de los trabajadores migrantes",
        "conference": 14,
        "working_groups": [],
        "host_state": "CA",
        "city": "",
        # The seed names no city: the capital's time zone.
        "time_zone": "America/Toronto",
        "date_precision": "month",
        "start": "2006-06-01",
        "end": None,
        "month_part": "",
        "date_note": "Canada, June, 2006",
        "status": "confirmed",
        "description": (
            "The Ministry of Labor of Canada (HRSDC) organizes this seminar to share "
            "experiences on mechanisms to disseminate the labor rights of migrant workers, "
            "with special emphasis on agricultural migrant workers. All the countries will be "
            "consulted, with special attention to the experience of Mexico."
        ),
        "coordinators": ["CA"],
        "topics": ["migrant-workers"],
        "funding": _covers("CA", "logistics", "interpretation", "travel_all"),
    },
    {
        "number": 8,
        "slug": "seminar-on-employment-services-2006",
        "kind": "seminar",
        "title_en": "Seminar on employment services",
        "title_es": "Seminario sobre servicios de empleo",
        "conference": 14,
        "working_groups": [],
        "host_state": "CL",
        "city": "",
        "time_zone": "America/Santiago",
        "date_precision": "semester",
        "start": "2006-07-01",
        "end": None,
        "month_part": "",
        "date_note": "Chile, second semester of 2006. Date to be defined in WGs meeting in "
        "April, 2006",
        "status": "confirmed",
        "description": (
            "The Ministry of Labor of Chile, with Mexico's Secretariat for Labor and Social "
            "Welfare (STPS) and the Technical Secretariat, plans this seminar to share "
            "experiences on employment services; Mexico has a special interest in sharing its "
            "experience with the Labor Observatory."
        ),
        "coordinators": ["CL", "MX", "OAS"],
        "topics": ["employment-services", "labor-market-information"],
        "funding": [
            *_covers("CL", "logistics", "interpretation"),
            _oas_coordination(),
            _travel_of_each_country(),
        ],
    },
    {
        "number": 9,
        "slug": "workshop-on-social-protection",
        "kind": "workshop",
        "title_en": "Workshop on social protection",
        "title_es": "Taller sobre protección social",
        "conference": 14,
        "working_groups": [],
        # "Chile and/or Uruguay": no single host state yet, nor a time zone.
        "host_state": None,
        "city": "",
        "time_zone": None,
        "date_precision": "undefined",
        "start": None,
        "end": None,
        "month_part": "",
        "date_note": "To be defined in WGs meeting in April, 2006",
        "status": "proposed",
        "description": (
            "Chile and Uruguay will define the content and dates: a single workshop or two "
            "consecutive ones (in Chile during the second semester of 2006 and in Uruguay "
            "during the first semester of 2007), with a proposal at the working groups' "
            "meeting of April 2006. COSATE is very interested and requests an active "
            "participation."
        ),
        "coordinators": ["CL", "UY"],
        "topics": ["social-protection"],
        "funding": [
            {
                "party_name": "Chile and/or Uruguay",
                "item": item,
                "status": "committed",
                "note": "",
            }
            for item in ("logistics", "interpretation")
        ]
        + [_oas_coordination(), _travel_of_each_country()],
    },
    {
        "number": 10,
        "slug": "workshop-on-articulation-of-policies-2006",
        "kind": "workshop",
        "title_en": "Workshop on articulation of policies",
        "title_es": "Taller sobre articulación de políticas",
        "conference": 14,
        "working_groups": [],
        "host_state": "AR",
        "city": "",
        "time_zone": "America/Argentina/Buenos_Aires",
        "date_precision": "semester",
        "start": "2006-07-01",
        "end": None,
        "month_part": "",
        "date_note": "Argentina, second sem. of 2006. Date to be defined in WGs meeting in "
        "April, 2006",
        "status": "confirmed",
        "description": (
            "The content of this workshop will be discussed at the working groups' meeting of "
            "April 2006, on a proposal prepared by Argentina."
        ),
        "coordinators": ["AR"],
        "topics": [],
        "funding": [
            *_covers("AR", "logistics", "interpretation"),
            _oas_coordination(),
            _travel_of_each_country(),
        ],
    },
    {
        "number": 11,
        "slug": "working-groups-meeting-2007",
        "kind": "working_group",
        "title_en": "Working Groups Meeting of 2007 and Workshop on technical assistance",
        "title_es": "Reunión de los Grupos de Trabajo de 2007 y Taller sobre asistencia técnica",
        "conference": 14,
        "working_groups": [1, 2],
        "host_state": "CR",
        "city": "",
        "time_zone": "America/Costa_Rica",
        "date_precision": "month",
        "start": "2007-04-01",
        "end": None,
        "month_part": "",
        "date_note": "Costa Rica, April, 2007 (to be ratified by the new Minister of Labor in "
        "May, 2006)",
        "status": "proposed",
        "description": (
            "The working groups meet jointly with a workshop on technical assistance "
            "coordinated and funded by Canada. A special preparatory session of the XV IACML "
            "takes place during this meeting, to determine the key topics of the Conference "
            "and begin discussing its Declaration and Plan of Action."
        ),
        "coordinators": ["CA", "OAS"],
        "topics": [],
        "funding": [
            *_covers("CR", "logistics"),
            *_covers("CA", "interpretation", "travel_all"),
            _oas_coordination(),
            *_covers("ILO", "translation"),
        ],
    },
    {
        "number": 12,
        "slug": "xv-iacml-preparatory-meeting-2007",
        "kind": "preparatory",
        "title_en": "Preparatory Meeting of the XV IACML and Workshop on labor dimension of "
        "free trade agreements and regional integration",
        "title_es": "Reunión Preparatoria de la XV CIMT y Taller sobre la dimensión laboral de "
        "los tratados de libre comercio y la integración regional",
        "conference": 14,
        "working_groups": [],
        "host_state": "TT",
        "city": "",
        "time_zone": "America/Port_of_Spain",
        "date_precision": "month",
        "start": "2007-07-01",
        "end": None,
        "month_part": "",
        "date_note": "Trinidad & Tobago, July, 2007",
        "status": "confirmed",
        "description": (
            "The draft Declaration and Plan of Action of the XV IACML are discussed, jointly "
            "with a workshop coordinated and funded by Canada that exchanges information and "
            "experiences on the labor provisions of free trade agreements, focusing on the "
            "normative aspect."
        ),
        "coordinators": ["CA", "OAS"],
        "topics": ["labor-dimension-of-trade"],
        "funding": [
            *_covers("CA", "logistics", "interpretation", "travel_all"),
            _oas_coordination(),
        ],
    },
    {
        "number": 13,
        "slug": "xv-iacml-2007",
        "kind": "conference",
        "title_en": "XV Inter-American Conference of Ministers of Labor (IACML)",
        "title_es": "XV Conferencia Interamericana de Ministros de Trabajo (CIMT)",
        "conference": 15,
        "working_groups": [],
        "host_state": "TT",
        "city": "",
        "time_zone": "America/Port_of_Spain",
        "date_precision": "month",
        "start": "2007-09-01",
        "end": None,
        "month_part": "",
        "date_note": "Trinidad & Tobago, September, 2007",
        "status": "confirmed",
        "description": (
            "The main topics of the XV IACML and its Declaration and Plan of Action will have "
            "been under discussion since the working groups' meeting of April 2007."
        ),
        "coordinators": [],
        "topics": [],
        # "Funding sources: Trinidad & Tobago and OAS."
        "funding": [
            *_covers("TT", "logistics", note=f"Funding source ({NO_ITEM_NAMED})."),
            *_covers("OAS", "coordination", note=f"Funding source ({NO_ITEM_NAMED})."),
        ],
    },
    {
        "number": 14,
        "slug": "seminar-on-trade-and-quality-of-employment",
        "kind": "seminar",
        "title_en": "Seminar on relationship between trade and quality of employment",
        "title_es": "Seminario sobre la relación entre el comercio y la calidad del empleo",
        "conference": 14,
        "working_groups": [],
        "host_state": "AR",
        "city": "",
        "time_zone": "America/Argentina/Buenos_Aires",
        "date_precision": "undefined",
        "start": None,
        "end": None,
        "month_part": "",
        "date_note": "Argentina, date to be determined (in WGs meeting 2006)",
        "status": "proposed",
        # The seed says "the WGs meeting in April, 2005", in the future tense: the 2006 one.
        "description": (
            "Argentina proposed this seminar to identify possible models of analysis to "
            "measure the relationship between international trade and the quality and "
            "quantity of employment (socio-labor indicators). The working groups' meeting is "
            "to decide whether to incorporate it in the workshop on the labor dimension of "
            "FTAs that Canada coordinates and funds in July 2007."
        ),
        "coordinators": ["AR"],
        "topics": ["labor-dimension-of-trade"],
        "funding": [
            *_covers("AR", "logistics", "interpretation"),
            _oas_coordination(),
            _travel_of_each_country(),
        ],
    },
    {
        "number": 15,
        "slug": "workshop-on-gender-perspective-in-labor-policies",
        "kind": "workshop",
        "title_en": "Workshop on gender perspective in labor policies",
        "title_es": "Taller sobre la perspectiva de género en las políticas laborales",
        "conference": 14,
        "working_groups": [],
        # Section II: "Location and date: To be determined"; the timeline lists it under
        # Canada, which implements the project it belongs to.
        "host_state": None,
        "city": "",
        "time_zone": None,
        "date_precision": "undefined",
        "start": None,
        "end": None,
        "month_part": "",
        "date_note": "To be determined",
        "status": "proposed",
        "description": (
            "Part of a broader project that Canada is implementing (CIDA), with the "
            "participation of the ILO and the Inter-American Commission on Women (CIM) of "
            "the OAS."
        ),
        "coordinators": ["CA"],
        "topics": ["gender-equality"],
        "funding": _covers("CA", "logistics", note=f"Funding sources: Canada ({NO_ITEM_NAMED})."),
    },
]

# ---------------------------------------------------------------------------
# 3. An upcoming meeting (not from the seeds), so that registration has something to show
# ---------------------------------------------------------------------------
# Its dates are counted from the day it is first loaded ("days_ahead" and so on) and are
# not moved afterwards. The registrations show the endorsement workflow: three places of
# the Colombian delegation are taken (its quota), so a fourth delegate waits.

UPCOMING = {
    "slug": "demo-working-groups-meeting",
    "kind": "working_group",
    "title_en": "Meeting of the IACML Working Groups (demo)",
    "title_es": "Reunión de los Grupos de Trabajo de la CIMT (demo)",
    "description": (
        "A demonstration meeting, not taken from the seed documents: its dates were set "
        "relative to the day the demo data was loaded, so that registration is open. Its "
        "format follows the guidelines of the 2005 Planning Meeting: preliminary national "
        "reports, brief presentations and time for debate."
    ),
    "host_state": "CO",
    "city": "Bogotá",
    "time_zone": "America/Bogota",
    "days_ahead": 42,
    "days": 2,
    "start_time": "09:00",
    "end_time": "17:30",
    "registration_opened_days_ago": 7,
    "registration_closes_days_before": 14,
    "national_reports_due_days_before": 21,
    "languages": ["es", "en"],
    "interpretation": ["es", "en"],
    "capacity": 40,
    "quota_per_institution": 3,
    "approval": "endorsement",
    "offer_hours": 48,
    "participant_list": "consenting",
    "coordinators": ["CO", "OAS"],
    "topics": ["labor-inspection", "employment-services"],
    "funding_needs": ["logistics", "interpretation", "coordination"],
    "funding": [
        *_covers("CO", "logistics"),
        _oas_coordination(),
        {"party": "CA", "item": "interpretation", "status": "studying", "note": ""},
    ],
    "sessions": [
        {
            "day": 1,
            "start_time": "09:00",
            "end_time": "09:30",
            "kind": "opening",
            "title": "Opening",
        },
        {
            "day": 1,
            "start_time": "09:30",
            "end_time": "12:30",
            "kind": "panel",
            "title": "Strategic and preventive labor inspection",
        },
        {
            "day": 1,
            "start_time": "14:00",
            "end_time": "17:30",
            "kind": "panel",
            "title": "Public employment services and labor market information",
        },
        {
            "day": 2,
            "start_time": "09:00",
            "end_time": "12:00",
            "kind": "session",
            "title": "Consensus and abstract for the working groups' final reports",
        },
        {
            "day": 2,
            "start_time": "12:00",
            "end_time": "12:30",
            "kind": "closing",
            "title": "Closing",
        },
    ],
    # In the order they registered. "path" is the statuses each went through after
    # "pending_confirmation"; "endorsed" is the demo focal point's doing, "approved" the
    # demo staff's.
    "registrations": [
        {
            "full_name": "Laura Restrepo (demo)",
            "job_title": "Director of Labor Inspection",
            "institution": "CO",
            "role": "head",
            "email": "laura.restrepo@rial.demo",
            "language": "es",
            "listed_consent": True,
            "path": ["submitted", "endorsed", "approved"],
        },
        {
            "full_name": "Rosa Huamán (demo)",
            "job_title": "Director of Employment Promotion",
            "institution": "PE",
            "role": "head",
            "email": "rosa.huaman@rial.demo",
            "language": "es",
            "listed_consent": True,
            "path": ["submitted", "endorsed", "approved"],
        },
        {
            "full_name": "Andrés Molina (demo)",
            "job_title": "Labor inspector",
            "institution": "CO",
            "role": "delegate",
            "email": "andres.molina@rial.demo",
            "language": "es",
            "listed_consent": True,
            "path": ["submitted", "endorsed"],
        },
        {
            "full_name": "Camila Ortiz (demo)",
            "job_title": "International cooperation adviser",
            "institution": "CO",
            "role": "adviser",
            "email": "camila.ortiz@rial.demo",
            "language": "en",
            "listed_consent": False,
            "path": ["submitted"],
        },
        {
            "full_name": "Julián Pardo (demo)",
            "job_title": "Public employment service analyst",
            "institution": "CO",
            "role": "delegate",
            "email": "julian.pardo@rial.demo",
            "language": "es",
            "listed_consent": False,
            "path": ["waitlisted"],
        },
    ],
}


# ---------------------------------------------------------------------------
# Spanish versions of what a Spanish reader sees first
# ---------------------------------------------------------------------------
# The seeds are in English. Each meeting's description and its sessions' titles
# in Spanish, in the Conference's own vocabulary (CIMT, Grupo de Trabajo,
# Secretaría Técnica, Plan de Acción…), by slug; the sessions' summaries stay
# in English and the page says so.

SPANISH = {
    "rial-10th-call-match-making-webinar-demo": {
        "sessions": {
            "The call, its terms and its calendar": "La convocatoria, sus bases y su calendario",
            "Needs and offers: ministries present what they seek and what they share": (
                "Necesidades y ofertas: los ministerios presentan lo que buscan y lo que comparten"
            ),
            "Next steps to a joint proposal": "Próximos pasos hacia una propuesta conjunta",
        },
    },
    "wg2-meeting-washington-2004": {
        "description": (
            "Primera reunión del Grupo de Trabajo 2, «Fortalecimiento de la capacidad de los "
            "Ministerios de Trabajo», después de la XIII CIMT. Asistieron representantes de 21 "
            "Estados miembros, entre ellos El Salvador (Presidencia), Canadá "
            "(Vicepresidencia) y Brasil (Presidencia Pro Tempore de la Conferencia), junto con "
            "el COSATE, la CEATAL, la CARICOM, la OIT, la OEA, la OPS, la Comisión para la "
            "Cooperación Laboral (ACLAN), el Consejo Nacional de Seguridad y los expertos del "
            "estudio de factibilidad de un mecanismo de cooperación.\n\n"
            "En la agenda: el plan de trabajo del grupo, los mecanismos de optimización de "
            "recursos en la administración de los ministerios de trabajo, el taller sobre "
            "servicios de empleo eficaces, la solución alternativa de conflictos, las "
            "presentaciones del COSATE y la CEATAL y una propuesta del Sistema de Información "
            "de Mercados Laborales (SISMEL). Próximos pasos: un plan de trabajo revisado con "
            "plazos, la definición de prioridades conjunta con el Grupo de Trabajo 1 y el plan "
            "revisado en el Foro Virtual de la OEA."
        ),
        "sessions": {
            "Panel 1 – Overview of Activities": "Panel 1 – Panorama de las actividades",
            "Panel 2 – Mechanisms for Resource Optimization in the Administration of Labor "
            "Ministries": "Panel 2 – Mecanismos de optimización de recursos en la "
            "administración de los Ministerios de Trabajo",
            "Panel 3 – Workshop on Effective Employment Services": (
                "Panel 3 – Taller sobre servicios de empleo eficaces"
            ),
            "Panel 4 – Alternative Dispute Resolution": (
                "Panel 4 – Solución alternativa de conflictos"
            ),
            "Panel 5 – Presentations by Advisory Bodies": (
                "Panel 5 – Presentaciones de los órganos consultivos"
            ),
            "Panel 6 – Proposal by the Labor Markets Information System (SISMEL)": (
                "Panel 6 – Propuesta del Sistema de Información de Mercados Laborales (SISMEL)"
            ),
            "Joint meeting of Working Groups 1 and 2: progress report on the feasibility study "
            "for an Inter-American Cooperation Mechanism for Professional Labour "
            "Administration": "Reunión conjunta de los Grupos de Trabajo 1 y 2: informe de "
            "avance del estudio de factibilidad de un Mecanismo Interamericano de Cooperación "
            "para la Administración Laboral Profesional",
        },
    },
    "iacml-planning-meeting-2005": {
        "description": (
            "Coordinada por la Oficina de Educación, Ciencia y Tecnología de la OEA como "
            "Secretaría Técnica, para fijar el calendario de actividades de la CIMT 2006-2007 "
            "sobre la base de los Planes de Acción de México y de Mar del Plata, coordinar a "
            "los principales actores del proceso y determinar sus compromisos financieros y en "
            "especie. Asistieron la Troika (México, Brasil, Trinidad y Tobago), las autoridades "
            "del Grupo de Trabajo 1 (Argentina, Costa Rica, Chile) y del Grupo de Trabajo 2 "
            "(El Salvador, Uruguay, Estados Unidos), Canadá, el COSATE, la OIT y la OPS.\n\n"
            "Aprobó quince actividades, los temas de cada grupo de trabajo y unas pautas para "
            "sus reuniones: una agenda aprobada por la Presidencia y las Vicepresidencias tras "
            "consultar a los Estados miembros, al COSATE y a la CEATAL; informes nacionales "
            "preliminares compilados por la Secretaría Técnica; presentaciones breves que dejen "
            "tiempo para el debate; y un resumen de la Presidencia y las Vicepresidencias como "
            "base de los informes finales. Los ministerios de trabajo financian la mayoría de "
            "las actividades, con aportes en especie de la OEA, la OPS y la OIT; los fondos del "
            "Proyecto USDOL-OIT podrían ayudar, según lo que decida el donante, y lo que queda "
            "en el Subfondo laboral de la OEA apoya actividades clave (las reuniones de los "
            "grupos de trabajo, la Reunión Preparatoria de la XV CIMT)."
        ),
    },
    "wg2-meeting-cartagena-2015": {
        "description": (
            "Celebrada junto con la reunión del Grupo de Trabajo 1 y la 1.ª Reunión "
            "Preparatoria de la XIX CIMT. Coordinada por el Departamento de Inclusión Social "
            "de la OEA (SEDI) como Secretaría Técnica y organizada con los Ministerios de "
            "Trabajo de Canadá (Presidencia) y de Perú y Barbados (Vicepresidencias); "
            "financiada por el Gobierno de Colombia. Asistieron delegaciones de 20 ministerios "
            "de trabajo, con el COSATE, la CEATAL, la OIT, CINTERFOR, la OPS, la OCDE, el BID, "
            "la OEA y la CISS.\n\n"
            "El Grupo de Trabajo 2, «Fortalecimiento institucional para la protección de los "
            "derechos de los trabajadores y la promoción del diálogo social», da seguimiento a "
            "la Declaración de Medellín en lo que respecta al fortalecimiento de los "
            "ministerios de trabajo como base para el cumplimiento de la legislación laboral, "
            "la protección de trabajadores y empleadores y la armonía de las relaciones "
            "laborales."
        ),
        "sessions": {
            "Panel 1: International Cooperation on Labor Matters": (
                "Panel 1: Cooperación internacional en materia laboral"
            ),
            "Information Session on the Inter-American Network for Labor Administration "
            "(RIAL)": "Sesión informativa sobre la Red Interamericana para la Administración "
            "Laboral (RIAL)",
            "Panel 2 – Compliance with Labor Laws, Effective Exercise of Fundamental "
            "Principles and Rights at Work, and Strengthening of Labor Inspection": "Panel 2 – "
            "Cumplimiento de la legislación laboral, ejercicio efectivo de los principios y "
            "derechos fundamentales en el trabajo y fortalecimiento de la inspección del "
            "trabajo",
        },
    },
    "seminar-on-social-dialogue-2006": {
        "description": (
            "Los países del MERCOSUR y la Unión Europea celebran en Buenos Aires, en marzo de "
            "2006, un seminario sobre diálogo social en el que otros países de la región pueden "
            "compartir sus experiencias (México pidió un espacio para presentar su diálogo "
            "social con los sectores productivos). Si no pueden participar todos los miembros "
            "de la CIMT, Uruguay organizará un evento sobre el tema en el segundo semestre de "
            "2006, planificado con México y la Secretaría Técnica. El financiamiento se definirá "
            "cuando el MERCOSUR responda si pueden invitarse los demás miembros de la CIMT."
        ),
    },
    "working-groups-meeting-2006": {
        "description": (
            "Los grupos de trabajo se reúnen junto con un taller de medio día o de un día sobre "
            "Premios Laborales coordinado por México. Sus agendas las definen las autoridades "
            "de los grupos de trabajo con la Secretaría Técnica e incluyen los temas "
            "identificados en la Reunión de Planificación."
        ),
    },
    "asbestos-symposium-2006": {
        "description": (
            "Organizado por Fundacentro de Brasil con el apoyo de la OMS, la OIT y otras "
            "instituciones; los organizadores invitan a los miembros de la CIMT."
        ),
    },
    "workshop-on-fundacersso-2006": {
        "description": (
            "Seguimiento del taller «Seguridad y salud ocupacional, la experiencia del CERSSO» "
            "de abril de 2004, en el marco de la XIII CIMT. Lo coordinan y organizan El "
            "Salvador, la OEA y la OPS, con el apoyo de Canadá."
        ),
    },
    "cosate-activity-on-the-social-charter-2006": {
        "description": (
            "El COSATE y la Secretaría Técnica organizan una actividad sobre la Carta Social "
            "que prepara la OEA."
        ),
    },
    "ceatal-meeting-2006": {
        "description": (
            "La CEATAL celebra una reunión de medio día para analizar algunos temas "
            "prioritarios, con la asistencia de la Secretaría Técnica."
        ),
    },
    "seminar-on-labor-rights-of-migrant-workers-2006": {
        "description": (
            "El Ministerio de Trabajo de Canadá (HRSDC) organiza este seminario para compartir "
            "experiencias sobre los mecanismos de difusión de los derechos laborales de los "
            "trabajadores migrantes, con especial énfasis en los trabajadores agrícolas "
            "migrantes. Se consultará a todos los países, con especial atención a la "
            "experiencia de México."
        ),
    },
    "seminar-on-employment-services-2006": {
        "description": (
            "El Ministerio del Trabajo de Chile, con la Secretaría del Trabajo y Previsión "
            "Social (STPS) de México y la Secretaría Técnica, prepara este seminario para "
            "compartir experiencias sobre servicios de empleo; México tiene especial interés en "
            "compartir su experiencia con el Observatorio Laboral."
        ),
    },
    "workshop-on-social-protection": {
        "description": (
            "Chile y Uruguay definirán el contenido y las fechas: un único taller o dos "
            "consecutivos (en Chile durante el segundo semestre de 2006 y en Uruguay durante el "
            "primer semestre de 2007), con una propuesta en la reunión de los grupos de trabajo "
            "de abril de 2006. El COSATE tiene mucho interés y pide una participación activa."
        ),
    },
    "workshop-on-articulation-of-policies-2006": {
        "description": (
            "El contenido de este taller se discutirá en la reunión de los grupos de trabajo de "
            "abril de 2006, sobre una propuesta preparada por Argentina."
        ),
    },
    "working-groups-meeting-2007": {
        "description": (
            "Los grupos de trabajo se reúnen junto con un taller sobre asistencia técnica "
            "coordinado y financiado por Canadá. Durante esta reunión se celebra una sesión "
            "preparatoria especial de la XV CIMT, para determinar los temas clave de la "
            "Conferencia y empezar a discutir su Declaración y su Plan de Acción."
        ),
    },
    "xv-iacml-preparatory-meeting-2007": {
        "description": (
            "Se discuten los proyectos de Declaración y de Plan de Acción de la XV CIMT, junto "
            "con un taller coordinado y financiado por Canadá que intercambia información y "
            "experiencias sobre las disposiciones laborales de los tratados de libre comercio, "
            "centrado en el aspecto normativo."
        ),
    },
    "xv-iacml-2007": {
        "description": (
            "Los temas principales de la XV CIMT, su Declaración y su Plan de Acción se "
            "habrán discutido desde la reunión de los grupos de trabajo de abril de 2007."
        ),
    },
    "seminar-on-trade-and-quality-of-employment": {
        "description": (
            "Argentina propuso este seminario para identificar posibles modelos de análisis "
            "que midan la relación entre el comercio internacional y la calidad y cantidad del "
            "empleo (indicadores sociolaborales). La reunión de los grupos de trabajo decidirá "
            "si se incorpora al taller sobre la dimensión laboral de los TLC que Canadá "
            "coordina y financia en julio de 2007."
        ),
    },
    "workshop-on-gender-perspective-in-labor-policies": {
        "description": (
            "Forma parte de un proyecto más amplio que ejecuta Canadá (ACDI), con la "
            "participación de la OIT y de la Comisión Interamericana de Mujeres (CIM) de la "
            "OEA."
        ),
    },
    "demo-working-groups-meeting": {
        "description": (
            "Una reunión de demostración, que no proviene de los documentos de referencia: sus "
            "fechas se fijaron a partir del día en que se cargaron los datos de demostración, "
            "para que la inscripción esté abierta. Su formato sigue las pautas de la Reunión de "
            "Planificación de 2005: informes nacionales preliminares, presentaciones breves y "
            "tiempo para el debate."
        ),
        "sessions": {
            "Opening": "Apertura",
            "Strategic and preventive labor inspection": (
                "Inspección del trabajo estratégica y preventiva"
            ),
            "Public employment services and labor market information": (
                "Servicios públicos de empleo e información del mercado de trabajo"
            ),
            "Consensus and abstract for the working groups' final reports": (
                "Consenso y resumen para los informes finales de los grupos de trabajo"
            ),
            "Closing": "Clausura",
        },
    },
}


# ---------------------------------------------------------------------------
# A past webinar, with attendance, a recording and certificates
# ---------------------------------------------------------------------------
# 003 (Cartagena, April 2015): "in the RIAL's last call for proposals, there was
# a webinar that allowed for cooperation match-making". The cooperation demo
# links it to its past call by this slug (cooperation/demo_data.py, PAST_CALL):
# made here first, it is found there. Its day is set once, relative to the
# first loading, as the cooperation demo would (the call opened 330 days
# before, the webinar 14 days after). Participants' names and attendance are
# invented.

PAST_WEBINAR = {
    "slug": "rial-10th-call-match-making-webinar-demo",
    "title_en": "Match-making webinar of the 10th RIAL call (demo)",
    "title_es": "Webinario de búsqueda de socios de la 10ª convocatoria de la RIAL (demo)",
    "description": (
        "Ministries that need cooperation meet those that offer it, before proposals are "
        "written. Demo data, illustrative: the activities, amounts and dates are invented "
        "from the themes of the Cartagena meeting (April 2015)."
    ),
    "days_ago": 316,
    "start_time": "10:00",
    "end_time": "11:30",
    "languages": ["es", "en"],
    "online_url": "https://meet.rial.demo/j/10th-call-match-making",
    "recording_url": "https://video.rial.demo/10th-call-match-making-recording",
    "materials_access": "participants",
    "certified_hours": "1.5",
    "topics": ["labor-inspection", "employment-services"],
    "coordinators": ["OAS"],
    "sessions": [
        {
            "day": 1,
            "start_time": "10:00",
            "end_time": "10:15",
            "kind": "opening",
            "title": "The call, its terms and its calendar",
        },
        {
            "day": 1,
            "start_time": "10:15",
            "end_time": "11:15",
            "kind": "session",
            "title": "Needs and offers: ministries present what they seek and what they share",
        },
        {
            "day": 1,
            "start_time": "11:15",
            "end_time": "11:30",
            "kind": "closing",
            "title": "Next steps to a joint proposal",
        },
    ],
    # All approved by the demo staff; "attended" ones are in the platform's
    # attendance report (imported), the others registered but did not join.
    "registrations": [
        {
            "full_name": "Mariana Quesada (demo)",
            "job_title": "Head of International Cooperation",
            "institution": "CR",
            "role": "head",
            "email": "mariana.quesada@rial.demo",
            "language": "es",
            "listed_consent": True,
            "path": ["submitted", "approved"],
            "attended": True,
        },
        {
            "full_name": "Devon Charles (demo)",
            "job_title": "Senior Labour Officer",
            "institution": "TT",
            "role": "delegate",
            "email": "devon.charles@rial.demo",
            "language": "en",
            "listed_consent": True,
            "path": ["submitted", "approved"],
            "attended": True,
        },
        {
            "full_name": "Paulo Ferreira (demo)",
            "job_title": "Coordinator of Labor Inspection",
            "institution": "BR",
            "role": "delegate",
            "email": "paulo.ferreira@rial.demo",
            "language": "pt",
            "listed_consent": False,
            "path": ["submitted", "approved"],
            "attended": True,
        },
        {
            "full_name": "Gustavo Benítez (demo)",
            "job_title": "Director of Employment",
            "institution": "PY",
            "role": "delegate",
            "email": "gustavo.benitez@rial.demo",
            "language": "es",
            "listed_consent": True,
            "path": ["submitted", "approved"],
            "attended": False,
        },
        {
            "full_name": "Jean-Marc Pierre (demo)",
            "job_title": "Directeur de la coopération externe",
            "institution": "HT",
            "role": "delegate",
            "email": "jean-marc.pierre@rial.demo",
            "language": "fr",
            "listed_consent": False,
            "path": ["submitted", "approved"],
            "attended": True,
        },
        {
            "full_name": "Karen Mitchell (demo)",
            "job_title": "Director, Employment Services",
            "institution": "JM",
            "role": "delegate",
            "email": "karen.mitchell@rial.demo",
            "language": "en",
            "listed_consent": False,
            "path": ["submitted", "approved"],
            "attended": True,
        },
        {
            "full_name": "Patricia Núñez (demo)",
            "job_title": "Jefa de Relaciones Internacionales",
            "institution": "CL",
            "role": "delegate",
            "email": "patricia.nunez@rial.demo",
            "language": "es",
            "listed_consent": False,
            "path": ["submitted", "approved"],
            "attended": True,
        },
    ],
}
