"""``python -m newsparse``: the same as the ``newsparse`` command."""

import sys

from .cli import main

sys.exit(main())
