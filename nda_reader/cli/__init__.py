"""The ``nda-reader`` command line: one module per subcommand, the reader by default.

The top layer: may import anything below. The UI is imported only when the reader starts,
so ``check`` and ``export`` never load Textual.
"""

from nda_reader.cli.main import main

__all__ = ["main"]
