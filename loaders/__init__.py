"""Loaders: source document -> records -> triples.

`load(path)` is the only function that reads a file. It decodes the bytes
(UTF-8, UTF-8 with BOM, UTF-16, CP949/EUC-KR), picks the genre whose loader is
most confident, and chains parse -> extract -> to_rdf.
"""
from __future__ import annotations

import hashlib
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import EncodingError, GenreError, InputError

GENRES = ("workreport", "casebook")
MIN_CONFIDENCE = 0.5

_MAGIC = {
    b"%PDF": "a PDF file",
    b"\xd0\xcf\x11\xe0": "an HWP/OLE (binary office) file",
    b"PK\x03\x04": "a ZIP/HWPX/DOCX file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}


@dataclass(frozen=True)
class Source:
    path: Path
    text: str
    sha256: str
    encoding: str

    @property
    def doc_id(self) -> str:
        from kg.iris import doc_id_for

        return doc_id_for(self.path.stem)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a document's bytes; EncodingError if it is not text.

    >>> decode("종로구".encode("cp949"), "x.txt")
    ('종로구', 'cp949')
    >>> decode(b"\\xef\\xbb\\xbf" + "성북구".encode(), "x.txt")
    ('성북구', 'utf-8-sig')
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise EncodingError(f"this is {what}, not a text document: convert it to text first", file=name)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise EncodingError(f"broken UTF-16 at byte {exc.start}", file=name) from None
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text, enc = data.decode("cp949"), "cp949"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise EncodingError(
                "not decodable as UTF-8, UTF-16 or CP949/EUC-KR", file=name, line=line
            ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise EncodingError("binary data (NUL bytes) in a text document", file=name, line=line)
    return text, enc


def read_source(path: str | Path) -> Source:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a document", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None
    if not data.strip():
        raise InputError("empty document", file=str(path))
    text, enc = decode(data, str(path))
    return Source(path, text, hashlib.sha256(data).hexdigest(), enc)


def genre_module(name: str):
    return importlib.import_module(f"loaders.{name}")


def detect_genre(text: str, name: str = "<text>"):
    """The loader module most confident about `text`; GenreError if none is."""
    scores = sorted(((genre_module(g).looks_like(text), g) for g in GENRES), reverse=True)
    best_score, best = scores[0]
    if best_score < MIN_CONFIDENCE:
        detail = ", ".join(f"{g} {s:.2f}" for s, g in scores)
        raise GenreError(
            f"not a council work report nor an innovation casebook (confidence: {detail})", file=name
        )
    return genre_module(best)


def extract_source(src: Source, genre: str | None = None) -> list:
    module = genre_module(genre) if genre else detect_genre(src.text, str(src.path))
    return module.extract_text(src.text, file_name=src.path.name, doc_id=src.doc_id, sha256=src.sha256)


def load_records(path: str | Path, genre: str | None = None) -> list:
    return extract_source(read_source(path), genre)


def load(path: str | Path, genre: str | None = None) -> Iterator[tuple]:
    """Triples of one document (reads the file, chains parse -> extract -> to_rdf)."""
    from loaders.to_rdf import to_triples

    return to_triples(load_records(path, genre))
