"""Counts words (in C) and keeps the tally in an in-memory SQLite table."""
