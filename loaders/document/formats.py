"""Documents as users have them: PDF, HWPX and HWP 5 become the document model's
canonical markup (loaders.document.model): headings as `#` lines, one paragraph
per line with its list marker, tables as TAB-separated rows in reading order.

`sniff(data, name)` names the format of a file's bytes (None for text);
`convert(fmt, data, name)` returns a `Converted`: the markup and, for each of its
lines, where the line came from in the original (the PDF page, the HWPX/HWP
paragraph, counting a table as the paragraph that holds it). The genre loaders
then read the markup exactly as they read a text document, and the records keep
their `line`; `kg.mapping` writes the page or paragraph beside it.

Libraries (the `formats` extra): pdfplumber (MIT, on pdfminer.six, MIT) for PDF
text, font sizes and ruled tables; python-hwpx (Apache-2.0) for HWP 5, which it
converts to the HWPX (OWPML) parts read here with the standard library.
"""
from __future__ import annotations

import zipfile
from io import BytesIO

from loaders.document.converted import EXTRA, HWP, HWPX, KIND, PDF, Converted, join, need  # noqa: F401
from loaders.errors import InputError


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str) -> str | None:
    """PDF, HWPX or HWP by the bytes (not the file name); None for anything else."""
    if data[:1024].lstrip().startswith(b"%PDF"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                names = set(z.namelist())
                mime = z.read("mimetype")[:64] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        if mime.startswith(b"application/hwp+zip") or any(n.startswith("Contents/section") for n in names):
            return HWPX
        return None
    if data.startswith(_OLE) and (b"HWP Document File" in data[:1 << 20] or name.lower().endswith(".hwp")):
        return HWP
    return None


def convert(fmt: str, data: bytes, name: str) -> Converted:
    if fmt == PDF:
        from loaders.document import pdf

        return pdf.convert(data, name)
    if fmt == HWPX:
        from loaders.document import hwpx

        return hwpx.convert(data, name)
    if fmt == HWP:
        from loaders.document import hwpx

        return hwpx.convert(_hwp5_to_hwpx(data, name), name)
    raise ValueError(fmt)


def _hwp5_to_hwpx(data: bytes, name: str) -> bytes:
    need("hwpx", "HWP 5 (.hwp)", name)
    from hwpx.hwp5.package import convert as hwp5_convert, to_hwpx_bytes

    try:
        converted = hwp5_convert(data)
        return to_hwpx_bytes(converted.files)
    except Exception as exc:  # the library's own errors (protected, damaged, HWP 3)
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(
            f"cannot read this HWP file ({msg}): save it as HWPX or PDF in Hancom Office and ingest that",
            file=name,
        ) from None


