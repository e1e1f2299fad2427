"""pmjournal: a local-first work journal that compiles into career outputs."""

__version__ = "0.1.0"
