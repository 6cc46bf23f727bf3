"""Exception types: one per failure family, all under :class:`TifalensError`.

The CLI turns any of these into one line on stderr and an exit status; a traceback
is never shown for bad user input.
"""

from __future__ import annotations


class TifalensError(Exception):
    """Base class for every error the tool reports to its users."""

    exit_status = 1


class InputError(TifalensError):
    """An input cannot be read as text (missing, binary, empty, undecodable).

    Args:
        path: The input as the user named it (``-`` for standard input).
        problem: What is wrong, in plain words.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class UsageError(TifalensError):
    """The command line or API call asks for something that cannot be done."""

    exit_status = 2


class LexiconError(TifalensError):
    """A lexicon file has a bad row; the message names the file and line."""

    exit_status = 2
