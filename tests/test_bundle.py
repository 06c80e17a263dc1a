"""The PyInstaller bundle: the library check of packaging/, and a real build (slow)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.conftest import PROJECT_ROOT

PACKAGING = PROJECT_ROOT / "packaging"
PYSIDE_QT = Path(PySide6.__file__).parent / "Qt"
PLATFORMS = ("libqxcb.so", "libqoffscreen.so")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None,
    reason="the bundle checks use bash and ldd (Linux)",
)


def fake_bundle(
    root: Path, *, plugins: tuple[str, ...] = ("libqxcb.so", "libqoffscreen.so")
) -> Path:
    """A folder shaped like dist/briefing/ (the files need not be real libraries)."""
    internal = root / "briefing" / "_internal"
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    for name in plugins:
        (platforms / name).write_bytes(b"not an ELF file: ldd has nothing to say")
    (internal / "corpus").mkdir()
    (internal / "corpus" / "corpus.toml").write_text("", encoding="utf-8")
    return root / "briefing"


def check(bundle: Path, log: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = ["bash", str(PACKAGING / "check_bundle.sh"), str(bundle)]
    cmd += [str(log)] if log else []
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def pyinstaller_warning(lib: str, needed_by: str) -> str:
    return (
        f"31230 WARNING: Library not found: could not resolve '{lib}', "
        f"dependency of '{needed_by}'.\n"
    )


def test_check_fails_when_pyinstaller_could_not_find_an_xcb_library(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    log = tmp_path / "build.log"
    qxcb = "/venv/PySide6/Qt/plugins/platforms/libqxcb.so"
    log.write_text(
        pyinstaller_warning("libxcb-icccm.so.4", qxcb)
        + pyinstaller_warning("libxcb-keysyms.so.1", qxcb),
        encoding="utf-8",
    )
    done = check(bundle, log)
    assert done.returncode == 1
    assert "libxcb-icccm.so.4 not found (needed by '/venv/PySide6" in done.stderr
    assert "libxcb-keysyms.so.1" in done.stderr
    assert "FAILED: 2 missing" in done.stderr


def test_check_tolerates_what_the_desktop_provides(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path)
    log = tmp_path / "build.log"
    log.write_text(
        pyinstaller_warning("libgtk-3.so.0", "/venv/plugins/platformthemes/libqgtk3.so")
        + pyinstaller_warning("libwayland-cursor.so.0", "/venv/plugins/platforms/libqwayland.so"),
        encoding="utf-8",
    )
    done = check(bundle, log)
    assert done.returncode == 0, done.stderr
    assert "libgtk-3.so.0 is not on this machine" in done.stderr
    assert "check_bundle: OK" in done.stdout


def test_check_fails_when_the_xcb_plugin_is_not_bundled(tmp_path: Path) -> None:
    done = check(fake_bundle(tmp_path, plugins=("libqoffscreen.so",)))
    assert done.returncode == 1
    assert "not bundled: Qt plugin platforms/libqxcb.so" in done.stderr


def test_check_runs_ldd_on_the_bundled_libraries(tmp_path: Path) -> None:
    """The real xcb plugin without the Qt libraries beside it: ldd finds the hole."""
    bundle = fake_bundle(tmp_path, plugins=("libqoffscreen.so",))
    real = PYSIDE_QT / "plugins" / "platforms" / "libqxcb.so"
    shutil.copy(real, bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms")
    done = check(bundle)
    assert done.returncode == 1
    assert "ldd: PySide6/Qt/plugins/platforms/libqxcb.so needs libQt6XcbQpa.so.6" in done.stderr


def _pyinstaller_or_skip() -> None:
    probe = [sys.executable, "-c", "import PyInstaller"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "pyinstaller>=6.5"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if install.returncode != 0:
        last = (install.stderr.strip().splitlines() or ["no output"])[-1]
        pytest.skip(f"PyInstaller cannot be installed here: {last}")


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_smoke_test(tmp_path: Path) -> None:
    _pyinstaller_or_skip()
    dist, work = tmp_path / "dist", tmp_path / "work"
    env = {**os.environ, "PY": sys.executable}
    built = subprocess.run(
        ["bash", str(PACKAGING / "build.sh"), "--dist", str(dist), "--work", str(work)],
        capture_output=True,
        text=True,
        env=env,
        timeout=1800,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr[-4000:]
    assert "check_bundle: OK" in built.stdout
    bundle = dist / "briefing"
    assert (bundle / "briefing.desktop").is_file()
    user_home = tmp_path / "user-home"
    smoke = subprocess.run(
        [str(bundle / "briefing"), "--smoke-test"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_HOME": str(user_home)},
        cwd=tmp_path,  # nothing from the source tree within reach
        timeout=600,
        check=False,
    )
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr[-4000:]
    assert smoke.stdout.splitlines()[-1] == "smoke: all steps passed"
    # The bundle read its own copy of the corpus and thesaurus, not the checkout's.
    assert f"under {bundle / '_internal'}" in smoke.stdout
    assert_bundle_reads_pdf_and_word(bundle, tmp_path)


def assert_bundle_reads_pdf_and_word(bundle: Path, tmp_path: Path) -> None:
    """pdfium's binary, lxml and python-pptx are loaded lazily: only a real file
    proves them."""
    import json

    import docx
    from pptx import Presentation

    from tests.pdf_fixtures import write_pdf

    pdf = write_pdf(tmp_path / "note-verbale.pdf", [["The delegation supports the ATT."]])
    word = docx.Document()
    word.add_paragraph("The delegation welcomes the Programme of Action on small arms.")
    word.save(tmp_path / "statement.docx")
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Tracing small arms"
    slide.placeholders[1].text = "The International Tracing Instrument at twenty"
    deck.save(str(tmp_path / "panel.pptx"))
    added = subprocess.run(
        [str(bundle / "briefing"), "--home", str(tmp_path / "home"), "add", "--json",
         str(pdf), str(tmp_path / "statement.docx"), str(tmp_path / "panel.pptx")],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    assert added.returncode == 0, added.stdout + added.stderr[-4000:]
    report = json.loads(added.stdout)
    assert {"note-verbale", "statement", "panel"} <= set(report["indexed"]), report
    assert report["skipped"] == []
    corrected = subprocess.run(  # tomlkit writes the correction into the library manifest
        [str(bundle / "briefing"), "--home", str(tmp_path / "home"), "meta", "panel",
         "--title", "Tracing at twenty", "--json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False,
    )  # fmt: skip
    assert corrected.returncode == 0, corrected.stdout + corrected.stderr[-4000:]
    assert json.loads(corrected.stdout)["title"] == "Tracing at twenty"


def test_desktop_entry_names_the_command_and_an_icon_that_exists() -> None:
    import configparser

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "briefing.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "briefing"
    assert desktop["Icon"] == "briefing"
    assert (PROJECT_ROOT / "resources" / "icons" / "briefing.png").is_file()


def test_install_desktop_points_the_menu_entry_at_the_unpacked_bundle(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path / "unpacked here")  # a space in the path, on purpose
    shutil.copy(PACKAGING / "briefing.desktop", bundle)
    shutil.copy(PACKAGING / "install-desktop.sh", bundle)
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "resources" / "icons" / "briefing.png", icons)
    data = tmp_path / "xdg-data"
    done = subprocess.run(
        ["sh", str(bundle / "install-desktop.sh")],
        capture_output=True,
        text=True,
        env={**os.environ, "XDG_DATA_HOME": str(data)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    installed = (data / "applications" / "briefing.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/briefing" %F' in installed
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "briefing.png").is_file()
