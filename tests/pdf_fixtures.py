"""Tiny hand-written PDFs for tests (no PDF writer dependency needed)."""

from __future__ import annotations

from pathlib import Path


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, pages: list[list[str]], *, encrypt: bool = False) -> Path:
    """Write a PDF whose pages hold the given lines in Helvetica (Latin-1 text)."""
    streams = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 760 Td"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
        streams.append(("\n".join(ops), (612, 792)))
    return _write(path, streams, encrypt=encrypt)


def write_layout_pdf(
    path: Path,
    pages: list[list[tuple[float, float, float, str]]],
    *,
    size: tuple[float, float] = (612, 792),
    sizes: list[tuple[float, float]] | None = None,
) -> Path:
    """Write a PDF whose pages hold text items ``(x, y, font size, text)`` placed
    where a real document puts them (running heads, footnotes, superscripts);
    ``sizes`` gives each page its own (width, height)."""
    streams = []
    for number, items in enumerate(pages):
        ops = []
        for x, y, font_size, text in items:
            ops += [
                "BT",
                f"/F1 {font_size} Tf",
                f"1 0 0 1 {x} {y} Tm",
                f"({_escape(text)}) Tj",
                "ET",
            ]
        streams.append(("\n".join(ops), sizes[number] if sizes else size))
    return _write(path, streams)


def _write(
    path: Path, pages: list[tuple[str, tuple[float, float]]], *, encrypt: bool = False
) -> Path:
    """The file around the pages' content streams: one Helvetica font, an xref table,
    and (``encrypt``) an /Encrypt entry that a reader must refuse."""
    objects: list[bytes] = []

    def add(body: str | bytes) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # placeholder, filled below
    pages_obj = add("")
    font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for ops, (width, height) in pages:
        stream = ops.encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {width} {height}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>"
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    kid_refs = " ".join(f"{k} 0 R" for k in kids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
    encrypt_ref = ""
    if encrypt:
        enc = add(
            "<< /Filter /Standard /V 1 /R 2 /O <" + "11" * 32 + "> /U <" + "22" * 32 + "> /P -4 >>"
        )
        encrypt_ref = f" /Encrypt {enc} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{encrypt_ref} >>\n"
    out += trailer.encode() + b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def body_lines(x: float, top: float, lines: list[str], *, pitch: float = 12, size: float = 10):
    """Items for consecutive lines of one paragraph (a trailing space marks a wrap)."""
    return [(x, top - i * pitch, size, line) for i, line in enumerate(lines)]
