"""Render page 1 of the sample comparison, as tracked changes and as a table.

Writes docs/images/compare-tracked-page1.png and docs/images/compare-table-page1.png
from docs/examples/resolution-2025.txt -> resolution-2026-draft.txt. Needs
LibreOffice (soffice) and poppler (pdftoppm). Run from the project root:
``.venv/bin/python scripts/render_compare_sample.py``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_app.core.compare import compare_segments  # noqa: E402
from briefing_app.core.compare.load import load_version  # noqa: E402
from briefing_app.core.compare.table import write_table  # noqa: E402
from briefing_app.core.compare.tracked import write_tracked_changes  # noqa: E402

EXAMPLES = ROOT / "docs" / "examples"
IMAGES = ROOT / "docs" / "images"


def render(docx_path: Path, out: Path, work: Path, dpi: int) -> None:
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(docx_path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = work / (docx_path.stem + ".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
         str(pdf), str(work / docx_path.stem)],
        check=True,
    )  # fmt: skip
    shutil.copyfile(work / f"{docx_path.stem}.png", out)
    print(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("soffice and pdftoppm are needed", file=sys.stderr)
        return 1
    old = load_version(str(EXAMPLES / "resolution-2025.txt"), None)
    new = load_version(str(EXAMPLES / "resolution-2026-draft.txt"), None)
    comparison = compare_segments(old.segments, new.segments, old.name, new.name)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        when = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
        tracked = write_tracked_changes(
            comparison, work / "tracked.docx", author="Austria", when=when
        )
        render(tracked, IMAGES / "compare-tracked-page1.png", work, args.dpi)
        table = write_table(comparison, work / "table.docx")
        render(table, IMAGES / "compare-table-page1.png", work, args.dpi)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
