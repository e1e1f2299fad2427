"""Allow ``python -m pmjournal``."""

from pmjournal.cli.main import main

main()
