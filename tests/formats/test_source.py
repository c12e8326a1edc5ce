"""Reading import files: encodings are detected, and empty, binary or missing files are refused clearly."""

from __future__ import annotations

import codecs

import pytest

from infoint_tui.formats.source import FormatError, MissingSource, decode_source, read_source


@pytest.mark.parametrize(
    "raw, encoding",
    [
        ("Léa,Zoë\n".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Léa,Zoë\n".encode(), "utf-8"),
        ("Léa,Zoë\n".encode("cp1252"), "cp1252"),
        ("Léa,Zoë\n".encode("latin-1"), "cp1252"),
        (codecs.BOM_UTF16_LE + "Léa,Zoë\n".encode("utf-16-le"), "utf-16"),
        ("Léa,Zoë\n".encode("utf-16-le"), "utf-16-le"),
        ("Léa,Zoë\n".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_text_is_decoded_whatever_the_encoding(raw, encoding):
    source = decode_source("f.csv", raw)
    assert source.text == "Léa,Zoë\n" and source.encoding == encoding
    assert bool(source.encoding_note) == (encoding != "utf-8")


def test_cp1252_bytes_it_leaves_undefined_still_decode():
    source = decode_source("f.csv", b"caf\xe9 \x81 \x93quoted\x94\n")
    assert source.text == "café \x81 “quoted”\n"
    assert "Windows-1252" in source.encoding_note


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "f.csv is empty"),
        (b"  \r\n\n ", "f.csv is empty"),
        (codecs.BOM_UTF8 + b"\n", "f.csv is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        (bytes(range(256)) * 4, "not a text file"),
        (bytes(range(1, 256)) * 4, "not a text file"),  # no NUL byte, still control characters
        (b"PK\x03\x04" + b"\x14\x00\x08\x08" * 50, "not a text file"),
    ],
)
def test_empty_and_binary_files_are_refused(raw, message):
    with pytest.raises(FormatError, match=message):
        decode_source("f.csv", raw)


def test_missing_file_and_folder_are_bad_arguments(tmp_path):
    with pytest.raises(MissingSource, match="no such file"):
        read_source(tmp_path / "absent.csv")
    with pytest.raises(MissingSource, match="is a folder"):
        read_source(tmp_path)
