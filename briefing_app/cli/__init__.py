"""The `briefing` command line: the core, without Qt."""
