"""The portfolio PDF: snapshot, view model, templates and WeasyPrint, with progress."""
