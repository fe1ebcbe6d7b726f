"""Helpers shared by the tests; test modules and conftest.py import from here only."""
