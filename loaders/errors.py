"""Errors a user can cause. Library code raises these; only the CLI turns them
into a message and an exit code (see README, "Exit codes")."""
from __future__ import annotations


class KgError(Exception):
    """Base class: a problem the user can fix (bad input, bad usage)."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None):
        self.message = message
        self.file = file
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.message}"


class InputError(KgError):
    """A source document cannot be read or is of no known genre."""


class EncodingError(InputError):
    """A source document's bytes are not text in any encoding we accept."""


class GenreError(InputError):
    """A document is of neither known genre."""


class LoaderBug(KgError):
    """An unexpected error inside a loader on one document: a bug of ours, not the
    document's fault. A batch build records it against the document and goes on; the
    command exits 70 (EX_SOFTWARE) and asks for it to be reported."""

    exit_code = 70


class AgencyError(KgError):
    """An agency mention cannot be resolved."""


class UnknownAgency(AgencyError):
    """No local government has this name."""


class AmbiguousAgency(AgencyError):
    """Several local governments have this name and the context does not decide."""

    def __init__(self, message: str, candidates: tuple[str, ...] = (), **kw):
        self.candidates = candidates
        super().__init__(message, **kw)


class QueryError(KgError):
    """Unknown catalogue query, bad parameter, or a query the engine rejects."""


class StoreError(KgError):
    """The store cannot be opened (missing, in use by another writer, corrupt)."""


class StoreInUse(StoreError):
    """Another process holds the store for writing."""


