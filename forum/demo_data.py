"""The forum's demo: a space for each working group of the XVIII IACML
(Medellín 2013 → Cancún 2015), with threads drawn from the discussions the
seeds record (source 003: the RIAL's ten years, labor inspection)."""

SPACES = [
    {
        "conference": 18,
        "working_group": 1,
        "name": "WG1 · Employment, equality and development",
        "description": "Working Group 1 of the XVIII IACML: exchanges between ministries.",
        "threads": [
            {
                "title": "South–south cooperation: what has worked for your ministry?",
                "posts": [
                    (
                        "focal_point",
                        "South–south and triangular cooperation has become more extensive in "
                        "the region as more countries reach middle-high income and traditional "
                        "donors step back.\n\nWhich technical visits or virtual advice gave your "
                        "ministry results you could **measure**?",
                    ),
                    (
                        "staff",
                        "> Which technical visits gave results you could measure?\n\n"
                        "Delegations recognized Brazil as a leader, sharing public policies in "
                        "the region and in Africa, and Panama as a regional donor despite the "
                        "size of its ministry. The RIAL is first of all a cooperation mechanism "
                        "*among equals*: every country can benefit and contribute.",
                    ),
                    (
                        "focal_point",
                        "COSATE reminded us that donors and recipients must decide as equals, "
                        "and that results must be disclosed. Could each request in the portal "
                        "carry its final report, so that others can learn from it?",
                    ),
                ],
            },
        ],
    },
    {
        "conference": 18,
        "working_group": 2,
        "name": "WG2 · Institutional strengthening and social dialogue",
        "description": "Working Group 2 of the XVIII IACML: exchanges between ministries.",
        "threads": [
            {
                "title": "Labor inspection as strategic planning, not only complaints",
                "posts": [
                    (
                        "focal_point",
                        "The labor inspection function must be more strategic, so that it is "
                        "not limited to responding to complaints: inspection programs by area, "
                        "based on noted needs.\n\nWho has planned inspections this way, and how "
                        "did you choose the areas?",
                    ),
                    (
                        "staff",
                        "Examples from the working group's meeting:\n\n"
                        "- Argentina's National Plan for Labor Regularization (PNRT), directed "
                        "towards non-registered labor;\n"
                        "- an integrated focus on inspection and social security in Honduras, "
                        "where inspectors are trained in both;\n"
                        "- inspection procedures and criteria for interpreting regulations in "
                        "Chile and Paraguay.",
                    ),
                    (
                        "focal_point",
                        "In Trinidad and Tobago around 1,000 inspections a year are carried out "
                        "with partners: the OAS, the ILO, unions, the National Insurance Board "
                        "and employers. Preventive inspection also lowers the number of "
                        "complaints; Colombia's CETCOIT is a good example.",
                    ),
                ],
            },
        ],
    },
]

# A report waiting for the Secretariat: (working group, thread title, the
# post's position in the thread, who reports it, why).
REPORTS = [
    (
        2,
        "Labor inspection as strategic planning, not only complaints",
        1,
        "focal_point",
        "One of the examples names a plan by its former name; could the Secretariat check it "
        "against the working group's report?",
    ),
]
