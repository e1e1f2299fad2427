"""Repositories: the queries of one aggregate each, returning frozen domain values."""
