"""`python -m infoint_tui`: the same as the `infoint` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
