"""``python -m kyodo_desktop`` runs the same entry point as the ``kyodo-desktop`` command."""

import sys

from kyodo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
