"""Entry point of the `briefing` command.

Each subcommand lives in its own module under ``briefing_app.cli`` and
exposes ``register(subparsers)``; the module is imported only when needed
for the parser, never at package import. ``briefing`` with no subcommand
launches the desktop app: that dispatch is ``briefing_app.main``, above both
front ends, so the CLI never reaches Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from briefing_app import __version__
from briefing_app.cli.errors import CommandFailed
from briefing_app.cli.output import fail

#: Subcommand modules, in the order `briefing --help` lists them.
COMMAND_MODULES = (
    "index",
    "add",
    "search",
    "similar",
    "segments",
    "export",
    "precedents",
    "references",
    "meta",
    "compare",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Offline briefing and statement-drafting assistant.",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    parser.add_argument("--home", help="data folder (default: $BRIEFING_HOME or the user data dir)")
    gui = parser.add_argument_group("desktop app (when no command is given)")
    gui.add_argument("--screenshot", metavar="PATH", help="render the window to a PNG and exit")
    gui.add_argument("--smoke-test", action="store_true", help="check the app end to end and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"briefing_app.cli.cmd_{name}")
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one CLI command (``briefing_app.main`` also starts the desktop app)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed subcommand; Ctrl+C and a closed pipe end it quietly."""
    try:
        return int(args.handler(args) or 0)
    except CommandFailed as exc:
        return fail(str(exc), exc.code)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # never a traceback: one line, and a status
        detail = str(exc).splitlines()[0] if str(exc) else ""
        print(f"briefing: {type(exc).__name__}: {detail}".rstrip(": "), file=sys.stderr)
        return 1
