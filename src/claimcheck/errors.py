"""The claimcheck exception tree and diagnostic codes.

    ClaimcheckError                 root: catch this to catch everything claimcheck raises
    ├── InputError (ValueError)     a document or file cannot be read as claimcheck input
    │   ├── DocumentError           one document is malformed (missing text, wrong types)
    │   ├── DuplicateDocumentError  two documents share an id
    │   └── InputTypeError (TypeError)
    │                               the input is of a type claimcheck does not take (a path
    │                               or a str given to check(), a number given to extract())
    ├── PolicyError (ValueError)    a Policy setting is out of range
    ├── InternalError (RuntimeError)
    │                               claimcheck itself failed on an input: a bug, please report
    │                               it; the original exception is chained as `__cause__`
    └── OptionalDependencyError (ImportError)
                                    a feature needs an extra that is not installed

Every message is a sentence that names the offending value and says what to do.
Problems found in input data are usually reported as `Diagnostic` records in the report
rather than raised; the exceptions are for callers who asked for strictness, or who passed
the library something it cannot take.
"""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Root of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError, ValueError):
    """Input cannot be read; `where` names the file and line when known."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class DocumentError(InputError):
    """One document is malformed (a missing or mistyped field)."""


class DuplicateDocumentError(InputError):
    """Two documents in one run share an id; ids must be unique."""


class InputTypeError(InputError, TypeError):
    """The input is of a type claimcheck does not take; the message says what to pass."""


class PolicyError(ClaimcheckError, ValueError):
    """A Policy setting is outside its allowed range."""


class InternalError(ClaimcheckError, RuntimeError):
    """claimcheck failed on an input it should have handled: a bug worth reporting.

    The exception that claimcheck did not expect is chained as `__cause__`.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class OptionalDependencyError(ClaimcheckError, ImportError):
    """A feature needs an optional extra; the message names the pip command."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(
            f"{feature} needs the optional package {package!r}; "
            f"install it with: pip install 'claimcheck[{extra}]'"
        )
