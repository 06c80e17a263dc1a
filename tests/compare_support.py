"""A synthetic resolution and its revision, with known differences."""

from __future__ import annotations

from briefing_app.core.models import Segment

PREAMBLE = [
    "Recalling its resolution 78/217 of 19 December 2023 on the protection of migrants,",
    "Reaffirming the Universal Declaration of Human Rights,",
    "Noting with concern the number of migrants who lose their lives at sea each year,",
    "Recognizing the contribution of migrants to sustainable development in countries of origin,",
    "Welcoming the work of the Special Rapporteur on the human rights of migrants,",
    "Bearing in mind the obligations of States under international humanitarian law,",
]
OPERATIVE = [
    "Calls upon all States to protect the human rights of migrants regardless of status;",
    "Requests the Secretary-General to report at its eighty-first session on the matter;",
    "Encourages Member States to cooperate on search and rescue at sea;",
    "Urges States to end the detention of migrant children;",
    "Invites the International Organization for Migration to share its data;",
    "Emphasizes the importance of access to consular assistance for migrants in detention;",
    "Calls for the collection of disaggregated data on migrant deaths and disappearances;",
    "Decides to remain seized of the matter.",
]
INSERTED_PP = "Taking note of the report of the Secretary-General on the “Global Compact”,"
EDITS = {  # operative index -> new wording
    0: "Calls upon all States to promote and protect the human rights of all migrants "
    "regardless of their migration status;",
    4: "Invites the International Organization for Migration to share its data with States;",
}
EDITED_PP = (
    3,
    "Recognizing the positive contribution of migrants to sustainable development "
    "in countries of origin, transit and destination,",
)


def segments(doc_id: str, preamble: list[str], operative: list[str]) -> list[Segment]:
    units = [
        Segment(doc_id, "preambular", str(n), "", text, order=n)
        for n, text in enumerate(preamble, 1)
    ]
    units += [
        Segment(doc_id, "operative", str(n), "", text, order=len(preamble) + n)
        for n, text in enumerate(operative, 1)
    ]
    return units


def synthetic_pair() -> tuple[list[Segment], list[Segment]]:
    """Old and new: +1 PP (after PP 2), OP 4 deleted, OP 2 moved to the end, 3 edits."""
    new_pre = list(PREAMBLE)
    new_pre[EDITED_PP[0]] = EDITED_PP[1]
    new_pre.insert(2, INSERTED_PP)
    new_op = [EDITS.get(i, text) for i, text in enumerate(OPERATIVE)]
    moved = new_op.pop(1)
    del new_op[2]  # "Urges States to end the detention…" (old OP 4)
    new_op.insert(len(new_op) - 1, moved)  # before "Decides to remain seized"
    return segments("old", PREAMBLE, OPERATIVE), segments("new", new_pre, new_op)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def revisions(path) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    """(kind, author, date, text) of every w:ins / w:del in the body, in order."""
    from docx import Document

    body = Document(str(path)).element.body
    found = []
    for element in body.iter(f"{W}ins", f"{W}del"):
        text = "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))
        kind = element.tag.removeprefix(W)
        found.append((kind, element.get(f"{W}author"), element.get(f"{W}date"), text))
    return found


def resolve_revisions(path, accept: bool = True) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraph texts after Accept All (or Reject All), as Word would leave them."""
    from docx import Document

    gone = f"{W}del" if accept else f"{W}ins"
    texts = []
    for p in Document(str(path)).element.body.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr/{gone}")
        parts = []
        for run in p.iter(f"{W}r"):
            parent = run.getparent()
            if parent.tag == gone:
                continue
            tag = f"{W}delText" if parent.tag == f"{W}del" else f"{W}t"
            parts.append("".join(t.text or "" for t in run.iter(tag)))
        text = "".join(parts)
        if mark is not None and not text.strip():
            continue  # the whole paragraph, mark included, is gone
        texts.append(text)
    return texts
