"""Tiny app packed into the launcher test binary."""
