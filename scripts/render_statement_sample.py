"""Render page 1 of the sample statement to docs/images/statement-page1.png.

Needs LibreOffice (soffice) and poppler (pdftoppm). Run from the project root:
``.venv/bin/python scripts/render_statement_sample.py [--profile speaker]``;
``--draft PATH`` renders another draft (``--draft long`` the 4,000-word statement
of benchmarks/bench_export.py), ``--page N`` another page.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefing_app.core.export import export_file  # noqa: E402

SAMPLE = ROOT / "docs" / "examples" / "statement-sample.md"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", default="statement")
    parser.add_argument("--draft", default=str(SAMPLE))
    parser.add_argument("--page", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "images" / "statement-page1.png"
    )
    args = parser.parse_args()
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("soffice and pdftoppm are needed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = Path(args.draft)
        if args.draft == "long":
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from bench_export import make_statement

            draft = work / "long.md"
            draft.write_text(make_statement(), encoding="utf-8")
        docx_path = export_file(draft, work / "statement.docx", profile=args.profile)
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work / 'lo'}", "--headless",
             "--convert-to", "pdf", "--outdir", str(work), str(docx_path)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(args.dpi), "-f", str(args.page), "-l", str(args.page),
             "-singlefile",
             str(work / "statement.pdf"), str(work / "page")],
            check=True,
        )  # fmt: skip
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "page.png", args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
