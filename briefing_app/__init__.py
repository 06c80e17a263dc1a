"""Briefing: an offline briefing and statement-drafting assistant."""

__version__ = "0.1.0"
