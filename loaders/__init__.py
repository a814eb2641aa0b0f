"""Loaders: source document -> records -> triples.

`read_source(path)` is the only function that reads a file; `load_records(path)`
reads one and returns its records. It decodes the bytes (UTF-8, UTF-8 with BOM,
UTF-16, CP949/EUC-KR) or converts a PDF, HWPX or HWP into the document model's
markup (loaders.document.formats), picks the genre whose loader is most confident,
and chains parse -> extract: records out (kg.mapping makes triples).
"""
from __future__ import annotations

import hashlib
import importlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import EncodingError, GenreError, InputError

GENRES = ("workreport", "casebook")
MIN_CONFIDENCE = 0.5

# A real work report or casebook is well under 2 MB (the bundled ones: 21-400 kB).
# The loaders' time grows faster than linearly with size (a 2 MB document takes
# ~12 s, 8 MB over 3 minutes and ~1 GB), so bigger files are refused up front,
# before being read. LGKG_MAX_DOC_MB raises (or lowers) the limit.
MAX_DOC_MB = 4.0
MAX_DOC_ENV = "LGKG_MAX_DOC_MB"
# PDF, HWPX and HWP carry fonts and pictures: the file may be this many times the
# limit; the text converted from it must stay within the limit itself.
BINARY_SUFFIXES = (".pdf", ".hwpx", ".hwp")
BINARY_FACTOR = 8

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
    encoding: str  # or the format a document was converted from: "pdf", "hwpx", "hwp"
    # PDF/HWPX/HWP: what each line of `text` came from (loaders.document.formats)
    origin_kind: str | None = None
    origin: tuple[int | None, ...] = ()

    @property
    def doc_id(self) -> str:
        from loaders.text import doc_id_for

        return doc_id_for(self.path.stem)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) of a document's bytes; EncodingError (with the line) if it
    is not text in one encoding. Line ends are normalised to `\\n`.

    >>> decode("종로구".encode("cp949"), "x.txt")
    ('종로구', 'cp949')
    >>> decode(b"\\xef\\xbb\\xbf" + "성북구".encode(), "x.txt")
    ('성북구', 'utf-8-sig')
    >>> decode("서울\\r\\n성북구".encode("utf-16-be"), "x.txt")[1]
    Traceback (most recent call last):
    loaders.errors.EncodingError: x.txt: binary data (NUL bytes) in a text document (UTF-16 without a byte-order mark? save it as UTF-8)
    >>> decode("종로구\\n".encode() + "성북구".encode("cp949"), "x.txt")
    Traceback (most recent call last):
    loaders.errors.EncodingError: x.txt:2: not UTF-8 although the lines before are (mixed encodings?): byte 0xbc
    """
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise EncodingError(f"this is {what}, not a text document: save it as PDF, HWPX or text", file=name)
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = _strict(data[3:], "utf-8", name), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        text, enc = _strict(data[2:], codec, name), "utf-16"
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            utf16 = any(_looks_utf16(data, c) for c in ("utf-16-le", "utf-16-be"))
            hint = " (UTF-16 without a byte-order mark? save it as UTF-8)" if utf16 else ""
            line = None if utf16 else data[:nul].count(b"\n") + 1
            raise EncodingError(f"binary data (NUL bytes) in a text document{hint}", file=name, line=line)
        text, enc = _utf8_or_cp949(data, name)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise EncodingError("binary data (NUL bytes) in a text document", file=name, line=line)
    return text.replace("\r\n", "\n"), enc


def _looks_utf16(data: bytes, codec: str) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return "\x00" not in text and bool(_HANGUL2.search(text))


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        nl = "\n".encode(codec)
        line = data[: exc.start].count(nl) + 1 if codec.startswith("utf-16") else data[: exc.start].count(b"\n") + 1
        what = "truncated" if exc.end >= len(data) and codec.startswith("utf-16") else f"byte 0x{data[exc.start]:02x}"
        raise EncodingError(f"not valid {codec.upper()}: {what}", file=name, line=line) from None


_HANGUL2 = re.compile(r"[\uac00-\ud7a3]{2}")


def _utf8_or_cp949(data: bytes, name: str) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Mostly UTF-8 with a bad spot (a pasted CP949 line, a stray byte): CP949 would
    # turn the whole file into mojibake, so name the line instead.
    before = data[: utf8_error.start]
    if any(b >= 0x80 for b in before):
        line = before.count(b"\n") + 1
        raise EncodingError(
            f"not UTF-8 although the lines before are (mixed encodings?): byte 0x{data[utf8_error.start]:02x}",
            file=name, line=line,
        )
    try:
        # EUC-KR first: it reads the 8-byte jamo sequences (KS X 1001 annex) with
        # which EUC-KR writes syllables outside its 2,350; CP949 (its superset
        # otherwise) would leave them as loose jamo
        text = data.decode("euc-kr")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raw = data.split(b"\n")[line - 1]
            if _utf8_hangul(raw):
                raise EncodingError("a UTF-8 line in a CP949/EUC-KR document (mixed encodings?)",
                                    file=name, line=line) from None
            raise EncodingError(
                f"not decodable as UTF-8, UTF-16 or CP949/EUC-KR: byte 0x{data[exc.start]:02x}", file=name, line=line
            ) from None
    # CP949 that decodes but holds UTF-8 lines (a CP949 file with a UTF-8 paste)
    for i, raw in enumerate(data.split(b"\n"), 1):
        if _utf8_hangul(raw):
            raise EncodingError("a UTF-8 line in a CP949/EUC-KR document (mixed encodings?)", file=name, line=i)
    return text, "cp949"


def _utf8_hangul(raw: bytes) -> bool:
    """A line that is UTF-8 with Hangul in it (a CP949 line almost never is)."""
    if not any(b >= 0x80 for b in raw):
        return False
    try:
        return bool(_HANGUL2.search(raw.decode("utf-8")))
    except UnicodeDecodeError:
        return False


def max_doc_mb() -> float:
    raw = os.environ.get(MAX_DOC_ENV, "").strip()
    try:
        mb = float(raw) if raw else MAX_DOC_MB
    except ValueError:
        mb = -1
    if not mb > 0:
        raise InputError(f"{MAX_DOC_ENV}={raw!r}: want a positive number of megabytes")
    return mb


def read_source(path: str | Path) -> Source:
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a device or pipe?)", file=str(path))
        limit = max_doc_mb()
        if path.suffix.lower() in BINARY_SUFFIXES:
            limit *= BINARY_FACTOR  # fonts and images: the text inside is checked below
        if info.st_size > limit * 2**20:
            raise InputError(
                f"{info.st_size / 2**20:.3g} MB is more than the {limit:g} MB a document may have "
                f"(real ones are under 2 MB; set {MAX_DOC_ENV} to raise the limit)",
                file=str(path),
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a document", file=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None
    if not data.strip():
        raise InputError("empty document", file=str(path))
    from loaders.document import formats

    fmt = formats.sniff(data, str(path))
    if fmt is None:
        text, enc = decode(data, str(path))
        return Source(path, text, hashlib.sha256(data).hexdigest(), enc)
    conv = formats.convert(fmt, data, str(path))
    if len(conv.text.encode()) > max_doc_mb() * 2**20:
        raise InputError(f"the text of this {fmt.upper()} is more than the {max_doc_mb():g} MB a document may have "
                         f"(set {MAX_DOC_ENV} to raise the limit)", file=str(path))
    if not conv.text.strip():
        raise InputError(f"no text in this {fmt.upper()} document", file=str(path))
    return Source(path, conv.text, hashlib.sha256(data).hexdigest(), fmt, conv.kind, conv.origin)


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
    records = module.extract_text(src.text, file_name=src.path.name, doc_id=src.doc_id, sha256=src.sha256)
    if src.origin_kind and records:
        import dataclasses

        records = list(records)
        records[0] = dataclasses.replace(records[0], origin_kind=src.origin_kind, origin=src.origin)
    return records


def load_records(path: str | Path, genre: str | None = None) -> list:
    return extract_source(read_source(path), genre)

