"""Entry script of the frozen app: the same `briefing` command as the venv's.

``freeze_support`` must run first: the indexer runs in a worker process, and
a frozen executable re-launched by multiprocessing must not start the window.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from briefing_app.main import main

    sys.exit(main())
