"""Expected errors: each carries a message a clerk can read (Indonesian).

The GUI shows ``str(error)`` inline; anything that is not a ``DomainError`` is a bug
and goes to the global exception hook instead.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the office was broken; ``message`` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input. ``field`` names the input at fault so a form can focus it."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class PermissionDenied(DomainError):
    """The acting user's role may not do this."""


class NotFound(DomainError):
    """The record asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Someone else changed the record first, or it would duplicate another."""


class AuthenticationError(DomainError):
    """Login refused: wrong credentials, locked or inactive account."""
