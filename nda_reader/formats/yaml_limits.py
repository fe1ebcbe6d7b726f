"""The limits on what a YAML file may hold (docs/annotation-format.md states them)."""

MAX_VALUES = 200_000
"""The most values a YAML file may hold, every use of an alias counted in full."""
MAX_ALIAS_CHARS = 1_000_000
"""The most characters of text YAML aliases may repeat in one file."""
MAX_DEPTH = 100
"""The deepest nesting of lists and mappings read."""
