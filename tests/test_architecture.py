"""The core and the CLI never import Qt (also enforced by import-linter)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT

CORE_MODULES = [
    p.relative_to(PROJECT_ROOT).with_suffix("").as_posix().replace("/", ".")
    for folder in ("briefing_app/core", "briefing_app/cli")
    for p in sorted((PROJECT_ROOT / folder).rglob("*.py"))
    if p.name != "__main__.py"
]


def test_core_and_cli_import_without_qt() -> None:
    script = (
        "import sys, importlib\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name.removesuffix('.__init__'))\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "assert not bad, bad\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('briefing_app'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    expected = {name.removesuffix(".__init__") for name in CORE_MODULES}
    assert len(expected) > 50 and expected <= loaded, sorted(expected - loaded)


def test_importing_the_package_does_no_work() -> None:
    """No settings, Qt objects or files at import: importing stays cheap."""
    script = "import briefing_app.cli.main, sys; print('whoosh' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
