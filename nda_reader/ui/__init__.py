"""The Textual user interface of nda-reader (the only package that imports textual)."""
