"""Headless checks of the whole app (``--smoke-test``, ``--screenshot``).

They drive the real window, so they sit above ``gui`` and ``cli``; only the
top-level entry (``briefing_app.main``) imports them.
"""
