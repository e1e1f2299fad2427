"""Moving a journal in and out: the versioned JSON document and the Markdown folder."""
