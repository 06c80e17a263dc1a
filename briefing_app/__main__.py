"""`python -m briefing_app` is the `briefing` command."""

from briefing_app.main import main

if __name__ == "__main__":
    raise SystemExit(main())
