"""Reading PDFs back the way an attacker's payload would show up: objects, text, fonts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

# Dictionary keys and action types that mean a PDF can run code, open files or carry files.
UNSAFE_KEYS = frozenset({"/JS", "/JavaScript", "/EmbeddedFiles", "/OpenAction", "/AA"})
UNSAFE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE"})


def all_objects(reader: PdfReader) -> Iterator[object]:
    """Every indirect object, including those packed into object streams."""
    numbers = set(reader.xref_objStm)
    for generation in reader.xref.values():
        numbers.update(generation)
    for number in sorted(numbers):
        yield reader.get_object(number)


def _direct_dicts(obj: object) -> Iterator[DictionaryObject]:
    """A dictionary and every dictionary nested in it directly (not through references)."""
    if isinstance(obj, DictionaryObject):
        yield obj
        for value in obj.values():
            yield from _direct_dicts(value)
    elif isinstance(obj, ArrayObject):
        for value in obj:
            yield from _direct_dicts(value)


def unsafe_features(path: Path) -> list[str]:
    """Everything in the file that could execute, launch or embed; empty means clean."""
    reader = PdfReader(path)
    found = []
    roots = [reader.trailer["/Root"], *all_objects(reader)]
    for obj in (d for root in roots for d in _direct_dicts(root)):
        found += [f"object with {key}" for key in UNSAFE_KEYS if key in obj]
        if obj.get("/S") in UNSAFE_ACTIONS:
            found.append(f"action {obj['/S']}")
        if obj.get("/Subtype") == NameObject("/FileAttachment"):
            found.append("file attachment annotation")
        if obj.get("/Type") in (NameObject("/Filespec"), NameObject("/EmbeddedFile")):
            found.append(f"object of type {obj['/Type']}")
    return sorted(set(found))


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def font_names(path: Path) -> set[str]:
    """Base names of the fonts used on any page, without the subset prefix."""
    names = set()
    for page in PdfReader(path).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def image_count(path: Path) -> int:
    """Distinct raster images in the file (pages may share one resource dictionary)."""
    images = set()
    for page in PdfReader(path).pages:
        for ref in page.get("/Resources", {}).get("/XObject", {}).values():
            if ref.get_object()["/Subtype"] == "/Image":
                images.add(ref.idnum)
    return len(images)
