"""Fault 7: typing steadily (a word every 100 ms, never pausing), then ``kill -9``
of the real window process. The autosave runs by deadline, so at most a few
seconds of typing are lost, and the next start offers the text back."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from briefing_app.core.drafts.autosave import find_recoveries
from tests.fault_support import PROJECT_ROOT, TIMEOUT
from tests.gui_support import open_window

TYPIST = """
import sys
from PySide6.QtCore import QTimer
from briefing_app.gui import create_main_window
from briefing_app.gui.app import make_application

app = make_application()
window = create_main_window(home=sys.argv[1])
window.show()
count = 0

def type_word():
    global count
    count += 1
    window.editor.insertPlainText(f" word{count}")
    print(count, flush=True)

timer = QTimer()
timer.timeout.connect(type_word)
timer.start(100)
app.exec()
"""
WORDS_PER_SECOND = 10
MAX_LOST_SECONDS = 5


def autosaved_words(autosave: Path) -> int:
    """The highest ``wordN`` in any autosave copy (0 when there is none)."""
    numbers = [
        int(n)
        for path in (autosave.glob("*.md") if autosave.is_dir() else [])
        for n in re.findall(r"\bword(\d+)\b", path.read_text(encoding="utf-8"))
    ]
    return max(numbers, default=0)


def test_steady_typing_then_kill_loses_at_most_five_seconds(qtbot, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "BRIEFING_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(home)],
        stdout=subprocess.PIPE, text=True, env=env, cwd=PROJECT_ROOT,
    )  # fmt: skip
    try:
        typed = 0
        # Each line is one more word typed: the child's own clock, no sleeping here.
        while autosaved_words(home / "autosave") < 30:
            line = child.stdout.readline()
            assert line, "the typing window exited"
            typed = int(line)
            assert typed < TIMEOUT * WORDS_PER_SECOND, "no autosave while typing went on"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    saved = autosaved_words(home / "autosave")
    assert typed - saved <= MAX_LOST_SECONDS * WORDS_PER_SECOND
    recoveries = find_recoveries(home / "autosave")
    assert len(recoveries) == 1
    # The next start offers it; recovering puts every autosaved word back.
    window = open_window(qtbot, home)
    offered = window.session.check_recovery()
    window.session.recover(offered[0])
    text = window.editor.toPlainText()
    found = {int(n) for n in re.findall(r"\bword(\d+)\b", text)}
    assert set(range(1, saved + 1)) <= found
