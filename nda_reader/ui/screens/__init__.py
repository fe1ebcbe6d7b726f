"""Screens of the reader: full screens and modal views."""
