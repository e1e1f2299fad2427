"""Use cases shared by the CLI and the GUI; the only way either touches the journal."""
