"""Writing a user-named output file never destroys what was there by mistake."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pmjournal.domain.errors import ValidationError
from pmjournal.services.output_files import (
    atomic_output,
    remove_partials,
    resolve_output,
    write_text,
)


def test_a_symlink_keeps_pointing_at_the_new_file(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)

    write_text(link, "new")

    assert link.is_symlink()
    assert real.read_text() == "new"


def test_devices_folders_missing_folders_and_the_journal_are_refused(tmp_path: Path) -> None:
    journal = tmp_path / "journal.sqlite3"
    journal.write_bytes(b"precious")
    with pytest.raises(ValidationError, match="not a regular file"):
        resolve_output(Path("/dev/null"))
    with pytest.raises(ValidationError, match="is a folder"):
        resolve_output(tmp_path)
    with pytest.raises(ValidationError, match="does not exist"):
        resolve_output(tmp_path / "nope" / "out.pdf")
    with pytest.raises(ValidationError, match="journal itself"):
        write_text(journal, "oops", protected=[journal])
    assert journal.read_bytes() == b"precious"


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("good")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write(b"half")
        raise RuntimeError("render failed")
    assert target.read_text() == "good"
    assert os.listdir(tmp_path) == ["out.txt"]


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc")
def test_an_unwritable_folder_is_a_clear_refusal() -> None:
    with pytest.raises(ValidationError, match=r"cannot write /proc/pmjournal-out\.txt"):
        write_text(Path("/proc/pmjournal-out.txt"), "x")


def test_an_error_inside_the_block_is_not_taken_for_a_write_failure(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic_output(tmp_path / "out.pdf"):
        raise FileNotFoundError("a font the renderer needs")
    assert os.listdir(tmp_path) == []


def test_what_a_killed_writer_left_is_removed_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "port[folio].pdf"
    out.write_bytes(b"the previous PDF")
    writer = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from pmjournal.services.output_files import atomic_output\n"
        "with atomic_output(Path(sys.argv[1])) as stream:\n"
        "    stream.write(b'half a PDF')\n"
        "    stream.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    killed = subprocess.run([sys.executable, "-c", writer, str(out)], timeout=60)
    assert killed.returncode == -signal.SIGKILL
    left = [p for p in tmp_path.iterdir() if p != out]
    assert len(left) == 1 and left[0].name.endswith(".part")
    (tmp_path / ".other.pdf.1234abcd.part").write_bytes(b"another file's partial")

    assert remove_partials(out) == left
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.pdf.1234abcd.part", out.name]
    assert out.read_bytes() == b"the previous PDF"
