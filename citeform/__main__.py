"""``python -m citeform`` runs the command line."""

import sys

from citeform.cli import main

sys.exit(main())
