"""Named references delegates cite: instruments, bodies, tools, meetings.

Data only, so that adding a name never touches the recogniser. Each entry
gives the normalised key, a display label, the acronyms (matched
case-sensitively, as whole words) and the long forms (matched
case-insensitively, with flexible spaces, hyphens and -ise/-ize spelling).
A long form that names a second reference too (the Conference of the
Parties *to the Convention*) lists it under ``implies``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Named:
    key: str
    label: str
    acronyms: tuple[str, ...] = ()
    long_forms: tuple[str, ...] = ()
    implies: tuple[str, ...] = field(default=())

    @property
    def kind(self) -> str:
        return KIND_OF_PREFIX[self.key.split(":", 1)[0]]


#: Key prefix -> reference kind (as shown to the user and in `briefing references`).
KIND_OF_PREFIX = {
    "symbol": "symbol",
    "res": "resolution",
    "dec": "decision",
    "instrument": "instrument",
    "org": "organization",
    "sdg": "sdg",
    "tool": "tool",
    "operation": "operation",
    "meeting": "meeting",
}

_FIREARMS_PROTOCOL_LONG = (
    "Protocol against the Illicit Manufacturing of and Trafficking in Firearms"
)

INSTRUMENTS: tuple[Named, ...] = (
    Named(
        "instrument:firearms-protocol",
        "Firearms Protocol",
        ("FP",),
        ("Firearms Protocol", _FIREARMS_PROTOCOL_LONG),
    ),
    Named(
        "instrument:untoc",
        "Organized Crime Convention (UNTOC)",
        ("UNTOC",),
        (
            "Convention against Transnational Organized Crime",
            "Organized Crime Convention",
            "Organization Crime Convention",
            "Palermo Convention",
        ),
    ),
    Named(
        "instrument:uncac",
        "Convention against Corruption (UNCAC)",
        ("UNCAC",),
        ("Convention against Corruption",),
    ),
    Named(
        "instrument:poa",
        "Programme of Action on small arms (PoA)",
        ("PoA", "UNPoA"),
        (
            "Programme of Action to Prevent, Combat and Eradicate the Illicit Trade in Small"
            " Arms and Light Weapons in All Its Aspects",
            "Programme of Action on small arms",
            "Programme of Action",  # checked in context: not "Istanbul Programme of Action"
        ),
    ),
    Named(
        "instrument:iti",
        "International Tracing Instrument (ITI)",
        ("ITI",),
        (
            "International Tracing Instrument",
            "International Instrument to Enable States to Identify and Trace",
        ),
    ),
    Named("instrument:att", "Arms Trade Treaty (ATT)", ("ATT",), ("Arms Trade Treaty",)),
    Named(
        "instrument:wassenaar-arrangement", "Wassenaar Arrangement", (), ("Wassenaar Arrangement",)
    ),
    Named(
        "instrument:2030-agenda",
        "2030 Agenda for Sustainable Development",
        (),
        ("2030 Agenda", "Agenda 2030"),
    ),
    Named(
        "instrument:trafficking-in-persons-protocol",
        "Trafficking in Persons Protocol",
        (),
        (
            "Trafficking in Persons Protocol",
            "Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        ),
    ),
    Named(
        "instrument:smuggling-of-migrants-protocol",
        "Smuggling of Migrants Protocol",
        (),
        ("Smuggling of Migrants Protocol", "Protocol against the Smuggling of Migrants"),
    ),
    Named(
        "instrument:cifta",
        "Inter-American Convention against firearms trafficking (CIFTA)",
        ("CIFTA",),
        ("Inter-American Convention against the Illicit Manufacturing of and Trafficking in",),
    ),
    Named(
        "instrument:ecowas-convention",
        "ECOWAS Convention on Small Arms and Light Weapons",
        (),
        ("ECOWAS Convention on Small Arms",),
        ("org:ecowas",),
    ),
    Named("instrument:nairobi-protocol", "Nairobi Protocol", (), ("Nairobi Protocol",)),
    Named(
        "instrument:kinshasa-convention",
        "Kinshasa Convention",
        (),
        ("Kinshasa Convention", "Central African Convention for the Control of Small Arms"),
    ),
    Named(
        "instrument:terrorist-financing-convention",
        "International Convention for the Suppression of the Financing of Terrorism",
        (),
        (
            "Convention for the Suppression of the Financing of Terrorism",
            "Terrorist Financing Convention",
        ),
    ),
    Named(
        "instrument:madrid-guiding-principles",
        "Madrid Guiding Principles (foreign terrorist fighters)",
        (),
        ("Madrid Guiding Principles", "guiding principles on foreign terrorist fighters"),
    ),
    Named(
        "instrument:global-ct-strategy",
        "Global Counter-Terrorism Strategy",
        (),
        ("Global Counter-Terrorism Strategy",),
    ),
    Named(
        "instrument:un-charter",
        "Charter of the United Nations",
        (),
        ("Charter of the United Nations", "United Nations Charter", "UN Charter"),
    ),
)

ORGANIZATIONS: tuple[Named, ...] = (
    Named("org:unodc", "UNODC", ("UNODC",), ("Office on Drugs and Crime",)),
    Named(
        "org:interpol",
        "INTERPOL",
        ("INTERPOL", "Interpol"),
        ("International Criminal Police Organization",),
    ),
    Named("org:wco", "World Customs Organization (WCO)", ("WCO",), ("World Customs Organization",)),
    Named(
        "org:cted",
        "CTED",
        ("CTED",),
        (
            "Counter-Terrorism Committee Executive Directorate",
            "Counter-Terrorism Executive Directorate",
        ),
    ),
    Named(
        "org:ctc", "Counter-Terrorism Committee (CTC)", ("CTC",), ("Counter-Terrorism Committee",)
    ),
    Named(
        "org:unoct",
        "UN Office of Counter-Terrorism (UNOCT)",
        ("UNOCT",),
        ("Office of Counter-Terrorism",),
    ),
    Named(
        "org:uncct",
        "UN Counter-Terrorism Centre (UNCCT)",
        ("UNCCT",),
        ("United Nations Counter-Terrorism Centre", "UN Counter-Terrorism Centre"),
    ),
    Named("org:unidir", "UNIDIR", ("UNIDIR",), ("Institute for Disarmament Research",)),
    Named(
        "org:unoda",
        "UN Office for Disarmament Affairs (UNODA)",
        ("UNODA",),
        ("Office for Disarmament Affairs",),
    ),
    Named(
        "org:fatf",
        "Financial Action Task Force (FATF)",
        ("FATF",),
        ("Financial Action Task Force",),
    ),
    Named("org:security-council", "Security Council", ("UNSC",), ("Security Council",)),
    Named("org:general-assembly", "General Assembly", ("UNGA",), ("General Assembly",)),
    Named(
        "org:ecosoc", "Economic and Social Council", ("ECOSOC",), ("Economic and Social Council",)
    ),
    Named(
        "org:ccpcj",
        "Commission on Crime Prevention and Criminal Justice",
        ("CCPCJ",),
        ("Commission on Crime Prevention and Criminal Justice",),
    ),
    Named("org:human-rights-council", "Human Rights Council", (), ("Human Rights Council",)),
    Named(
        "org:untoc-cop",
        "Conference of the Parties to the Organized Crime Convention",
        (),
        (
            "Conference of the Parties to the United Nations Convention against Transnational"
            " Organized Crime",
            "Conference of the Parties to the Convention against Transnational Organized Crime",
            "Conference of the Parties to the Organized Crime Convention",
        ),
        ("instrument:untoc",),
    ),
    Named("org:wg-firearms", "Working Group on Firearms", (), ("Working Group on Firearms",)),
    Named(
        "org:europol",
        "Europol",
        ("Europol",),
        ("European Union Agency for Law Enforcement Cooperation",),
    ),
    Named(
        "org:eurojust",
        "Eurojust",
        ("Eurojust",),
        ("European Union Agency for Criminal Justice Cooperation",),
    ),
    Named("org:frontex", "Frontex", ("Frontex",), ("European Border and Coast Guard Agency",)),
    Named("org:eu", "European Union", ("EU",), ("European Union",)),
    Named(
        "org:osce",
        "OSCE",
        ("OSCE",),
        ("Organization for Security and Co-operation in Europe",),
    ),
    Named(
        "org:oas", "Organization of American States", ("OAS",), ("Organization of American States",)
    ),
    Named("org:ecowas", "ECOWAS", ("ECOWAS",), ("Economic Community of West African States",)),
    Named("org:african-union", "African Union", (), ("African Union",)),
    Named("org:undp", "UNDP", ("UNDP",), ("United Nations Development Programme",)),
    Named(
        "org:unicri", "UNICRI", ("UNICRI",), ("Interregional Crime and Justice Research Institute",)
    ),
    Named(
        "org:global-ct-compact",
        "Global Counter-Terrorism Coordination Compact",
        (),
        ("Global Counter-Terrorism Coordination Compact",),
    ),
)

TOOLS: tuple[Named, ...] = (
    Named(
        "tool:iarms",
        "iARMS (INTERPOL Illicit Arms Records and tracing Management System)",
        ("iArms", "iARMS", "IARMS"),
        ("Illicit Arms Records and Tracing Management System",),
    ),
    Named(
        "tool:ibin",
        "INTERPOL Ballistic Information Network (IBIN)",
        ("IBIN",),
        ("INTERPOL Ballistic Information Network",),
        ("org:interpol",),
    ),
    Named(
        "tool:firearms-reference-table",
        "INTERPOL Firearms Reference Table",
        ("IFRT",),
        ("Firearms Reference Table",),
    ),
    Named("tool:sherloc", "SHERLOC", ("SHERLOC",), ()),
    Named("tool:goaml", "goAML", ("goAML",), ()),
    Named(
        "tool:mosaic",
        "MOSAIC (Modular Small-arms-control Implementation Compendium)",
        ("MOSAIC",),
        ("Modular Small-arms-control Implementation Compendium",),
    ),
    Named("tool:isacs", "ISACS", ("ISACS",), ("International Small Arms Control Standards",)),
    Named("tool:iatg", "IATG", ("IATG",), ("International Ammunition Technical Guidelines",)),
    Named(
        "meeting:bms",
        "Biennial Meeting of States (PoA)",
        (),
        ("Biennial Meeting of States",),
        ("instrument:poa",),
    ),
)

ALL_NAMED: tuple[Named, ...] = INSTRUMENTS + ORGANIZATIONS + TOOLS
BY_KEY: dict[str, Named] = {n.key: n for n in ALL_NAMED}
