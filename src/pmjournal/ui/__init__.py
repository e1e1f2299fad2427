"""The desktop app (PySide6). The only package that imports Qt; it reaches the journal through
``pmjournal.services`` on one worker thread (``tasks.py``)."""
