"""The bundle's entry point: the same ``pmjournal`` program that pip installs.

PyInstaller needs a script, not a console-script entry point; keeping it outside the package
means the bundle imports ``pmjournal`` as installed, never the source tree beside the spec.
"""

from pmjournal.cli.main import main

main()
