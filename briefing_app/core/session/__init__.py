"""The state of one working session, without Qt: the search and the draft.

Front ends (the window, tests, a future CLI session) read and change these
objects; Qt adapters in ``briefing_app.gui`` only translate signals and timers.
"""
