"""Typed failures. Library code raises these; only the CLI turns them into exit codes."""
from __future__ import annotations

# Exit codes are part of the public contract (README, "Exit codes").
EXIT_OK = 0
EXIT_FAILED = 1          # some work failed (batch: some files failed; check: errors remain)
EXIT_USAGE = 2           # bad command line (typer's own code)
EXIT_BAD_INPUT = 3       # unreadable / undecodable / empty / binary input
EXIT_UNDETERMINED = 4    # language could not be determined
EXIT_NO_ENGINE = 5       # no installed engine covers the language pair
EXIT_UNREVIEWED = 6      # --require-approved and some segments are not approved
EXIT_MODEL = 7           # a translation model is invalid or failed to load


class LocalizeError(Exception):
    """A failure a user can act on: what went wrong, where, and what to do."""

    exit_code = EXIT_FAILED

    def __init__(self, what: str, where: str | None = None, todo: str | None = None):
        self.what, self.where, self.todo = what, where, todo
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.where}: {self.what}" if self.where else self.what
        return f"{text} ({self.todo})" if self.todo else text


class BadInput(LocalizeError):
    exit_code = EXIT_BAD_INPUT


class LanguageUndetermined(LocalizeError):
    exit_code = EXIT_UNDETERMINED


class NoEngineForPair(LocalizeError):
    exit_code = EXIT_NO_ENGINE


class ModelInvalid(LocalizeError):
    exit_code = EXIT_MODEL


class EngineFailed(LocalizeError):
    exit_code = EXIT_FAILED


class Unreviewed(LocalizeError):
    exit_code = EXIT_UNREVIEWED


class InvalidMemory(BadInput):
    """A PO file that is not valid gettext (msgfmt's rules); ``line`` is where it fails (0: unknown)."""

    def __init__(self, what: str, where: str | None = None, todo: str | None = None, line: int = 0):
        self.line_number = line
        super().__init__(what, where, todo)


class ForeignMemory(BadInput):
    """A memory file that was made for another source file than the article now given."""
