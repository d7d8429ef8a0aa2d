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

    def __init__(self, what: str, where: str | None = None, todo: str | None = None, items=()):
        self.items = list(items)  # references of the entries not approved, for JSON
        super().__init__(what, where, todo)


class InvalidMemory(BadInput):
    """A PO file that is not valid gettext (msgfmt's rules); ``line`` is where it fails (0: unknown)."""

    def __init__(self, what: str, where: str | None = None, todo: str | None = None, line: int = 0):
        self.line_number = line
        super().__init__(what, where, todo)


class ForeignMemory(BadInput):
    """A memory file that was made for another source file than the article now given."""


class StaleEntry(LocalizeError):
    """A decision on an entry that changed since the reviewer saw it (contract 3): nothing written."""

    exit_code = EXIT_FAILED

    def __init__(self, what: str, where: str | None = None, todo: str | None = None, *,
                 target: str = "", approved: bool = False):
        self.target, self.approved = target, approved  # the entry as it is now
        super().__init__(what, where, todo)


EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl-C (128 + SIGINT)

# What a person can do about an OS error, by errno: the third part of the one-line message.
_OS_ADVICE = {
    "ENOSPC": "free some disk space and run again; nothing already written was lost",
    "EDQUOT": "free some disk space and run again; nothing already written was lost",
    "EACCES": "check the permissions of that path",
    "EPERM": "check the permissions of that path",
    "EROFS": "the file system is read-only: write somewhere else",
    "EISDIR": "that is a folder: give a file path",
    "ENOTDIR": "part of that path is a file, not a folder",
    "ENOENT": "check the path",
    "EEXIST": "that path exists already",
    "ENAMETOOLONG": "use a shorter path",
    "EMFILE": "too many open files: raise the limit (ulimit -n) or use fewer --jobs",
}


def as_localize_error(exc: BaseException) -> LocalizeError:
    """Any failure as a LocalizeError: library errors as they are, OS errors, memory exhaustion and
    interruption with what/where/what-to-do. Anything else is a bug, reported as such."""
    import errno

    if isinstance(exc, LocalizeError):
        return exc
    if isinstance(exc, KeyboardInterrupt):
        error = LocalizeError("interrupted", None, "what was written is kept; run the command again to resume")
        error.exit_code = EXIT_INTERRUPTED
        return error
    if isinstance(exc, MemoryError):
        return LocalizeError("out of memory", None, "give smaller inputs or fewer --jobs")
    if isinstance(exc, OSError):
        name = errno.errorcode.get(exc.errno or 0, "")
        # A rename names (temporary file, destination): the destination is the path the user gave.
        where = exc.filename2 if exc.filename2 is not None else exc.filename
        what = exc.strerror or str(exc) or type(exc).__name__
        return LocalizeError(what[0].lower() + what[1:], str(where) if where is not None else None,
                             _OS_ADVICE.get(name, "check the path and try again"))
    first = (str(exc).splitlines() or [""])[0]
    return LocalizeError(f"internal error: {type(exc).__name__}: {first}", None,
                         "please report this with the command line that caused it")


def exit_code_for(done: int, errors: list[LocalizeError], failed: bool = False) -> int:
    """The one rule for every command's exit code (README, "Exit codes"):
    nothing went wrong: 0 (1 when ``failed``, e.g. check found an error-level problem); every item
    failed: the worst item's own code (3 bad input, 4 undetermined, ...); some items failed while
    ``done`` others succeeded: 1."""
    if errors:
        return max(e.exit_code for e in errors) if done == 0 else EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK
