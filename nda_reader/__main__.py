"""``python -m nda_reader``."""

import sys

from nda_reader.cli import main

sys.exit(main())
