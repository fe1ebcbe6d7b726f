"""``python -m nda_reader``."""

import sys

from nda_reader.cli.main import main

sys.exit(main())
