"""Every accepted encoding of a bundled document gives the records of its UTF-8
original; bytes that are not text in one encoding give EncodingError with file
and line. SECURITY.md, promise 2."""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from pathlib import Path

import pytest

import loaders
from kg.errors import EncodingError
from tests.robustness.conftest import LONG, bundled

# Characters of the bundled documents that CP949/EUC-KR cannot encode, replaced by
# the nearest character they can (the comparison is then between the same texts).
CP949_SUBSTITUTES = {"◦": "○", "↳": "→", "･": "·", "∙": "·", "⋅": "·", "・": "·", "\u00a0": " "}
EUC_KR_SUBSTITUTES = CP949_SUBSTITUTES


def _without_sha(records) -> list:
    out = []
    for r in records:
        if dataclasses.is_dataclass(r) and any(f.name == "sha256" for f in dataclasses.fields(r)):
            r = dataclasses.replace(r, sha256="")
        out.append(r)
    return out


@lru_cache(maxsize=None)
def _utf8_records(name: str, text: str) -> list:
    return _without_sha(loaders.extract_source(loaders.Source(Path(name), text, "", "utf-8")))


def _encodable(text: str, codec: str) -> str:
    out = []
    for ch in text:
        try:
            ch.encode(codec)
            out.append(ch)
        except UnicodeEncodeError:
            sub = CP949_SUBSTITUTES.get(ch, "?")
            out.append(sub)
    return "".join(out)


ENCODINGS = {
    "utf-8-sig": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-le-bom": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16": lambda t: t.encode("utf-16"),  # Python's: native order with a BOM
    "cp949": lambda t: t.encode("cp949"),
    "euc-kr": lambda t: t.encode("euc-kr"),
    "utf-8-crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cp949-crlf": lambda t: t.replace("\n", "\r\n").encode("cp949"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("source", bundled(), ids=lambda p: p.stem)
def test_same_records_in_every_encoding(source, encoding, tmp_path):
    if source.stat().st_size > 200_000 and encoding not in ("cp949", "utf-16-le-bom", "utf-8-sig") and not LONG:
        pytest.skip("the big casebook in three encodings only (LGKG_LONG=1: all)")
    text = source.read_text(encoding="utf-8")
    codec = {"cp949": "cp949", "cp949-crlf": "cp949", "euc-kr": "euc-kr"}.get(encoding)
    if codec:
        text = _encodable(text, codec)
    f = tmp_path / source.name
    f.write_bytes(ENCODINGS[encoding](text))
    got = _without_sha(loaders.load_records(f))
    assert got == _utf8_records(source.name, text)
    assert len(got) > 5


def test_substitutions_are_few():
    """The CP949 variants differ from the originals only in a few symbols."""
    for source in bundled():
        text = source.read_text(encoding="utf-8")
        changed = sum(a != b for a, b in zip(text, _encodable(text, "euc-kr")))
        assert changed < len(text) / 100, (source.name, changed)


REPORT = bundled()[0].read_text(encoding="utf-8")
HEAD = "\n".join(REPORT.split("\n")[:40]) + "\n"


def _line(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


BAD_BYTES = {
    # name: (bytes, expected line, message pattern)
    "lone 0x80 in UTF-8": (HEAD.encode() + b"\x80\n", 41, r"byte 0x80"),
    "lone 0x80 in ASCII": (b"abc\ndef\n\x80\n", 3, r"byte 0x80"),
    "CP949 line in UTF-8": (HEAD.encode() + "행정국 주요업무\n".encode("cp949"), 41, r"mixed encodings"),
    "UTF-8 line in CP949": (HEAD.encode("cp949", "replace") + "행정국 주요업무\n".encode(), 41, r"mixed encodings"),
    "NUL byte": (HEAD.encode() + b"abc\x00def\n", 41, r"NUL"),
    "NUL in CP949": (HEAD.encode("cp949", "replace") + b"\x00\n", 41, r"NUL"),
    "truncated UTF-8 char": (HEAD.encode() + "행정국".encode()[:-1], 41, r"byte 0x"),
    "UTF-16 without BOM": (HEAD.encode("utf-16-le"), None, r"NUL.*UTF-16 without a byte-order mark"),
    "odd UTF-16": (b"\xff\xfe" + HEAD.encode("utf-16-le") + b"\x41", 41, r"UTF-16"),
    "bad UTF-8 after BOM": (b"\xef\xbb\xbf" + HEAD.encode() + b"\xff\n", 41, r"byte 0xff"),
    "NUL in UTF-16": (b"\xff\xfe" + (HEAD + "a\x00b\n").encode("utf-16-le"), 41, r"NUL"),
    "lone surrogate in UTF-16": (b"\xff\xfe" + HEAD.encode("utf-16-le") + b"\x00\xd8\x41\x00", 41, r"UTF-16"),
}


@pytest.mark.parametrize("case", sorted(BAD_BYTES))
def test_undecodable_bytes_name_file_and_line(case):
    data, line, pattern = BAD_BYTES[case]
    with pytest.raises(EncodingError) as info:
        loaders.decode(data, "doc.txt")
    err = info.value
    assert err.file == "doc.txt" and err.line == line, str(err)
    assert re.search(pattern, str(err)), str(err)
    assert str(err).startswith(f"doc.txt:{line}: " if line else "doc.txt: ")
