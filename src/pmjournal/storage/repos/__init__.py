"""Repositories: every query of one aggregate, returning frozen domain values."""
