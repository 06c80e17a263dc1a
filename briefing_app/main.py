"""The `briefing` command: a subcommand runs the CLI, no subcommand starts the desktop app.

The one place that knows both front ends. Every import is a plain import
(inside the branch that needs it), so the import contracts see every arrow
and a CLI command never loads Qt.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from briefing_app.cli.main import build_parser, run_command


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run_command(args)
    multiprocessing.freeze_support()  # indexing runs in a spawned child in frozen builds too
    if args.smoke_test:
        from briefing_app.tools.smoke import run_smoke_test

        return run_smoke_test(args)
    if args.screenshot:
        from briefing_app.tools.screenshot import take_screenshot

        return take_screenshot(args.screenshot, home=args.home)
    from briefing_app.gui.app import run_window

    return run_window(home=args.home)


if __name__ == "__main__":
    raise SystemExit(main())
