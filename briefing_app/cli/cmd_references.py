"""`briefing references` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse

from briefing_app.cli.output import fail


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("references", help="(not yet available)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return fail("'references' is not available yet")
