"""Time every regular expression frus-cite runs on user text, on adversarial inputs of growing size.

The patterns are found, not listed: every compiled pattern a module of ``frus_cite`` holds, and
every pattern written in its source as the first argument of a ``re`` function (evaluated in its
module, so f-strings built from module constants count).  The inputs of each are built from its
own pieces: the literal words it contains, a character of each class it uses, a string shaped
like a match, each repeated, followed by runs of spaces, line ends, digits, with and without a
character that makes the match fail at the very end.

``python -m tests.regex_audit`` prints the table behind the test (every pattern, its worst
family of inputs and the growth of its time from 4,000 to 16,000 characters).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

try:  # Python 3.11+
    from re import _constants as sre_constants, _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

import frus_cite

RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}
FLAGS_POSITION = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2, "split": 3, "sub": 4, "subn": 4}
SIZES = (4_000, 16_000)
SCREEN = 4_000
"""Inputs of this size that take under :data:`MEASURABLE` seconds are linear enough (a quadratic
pattern spends tens of milliseconds there); slower ones are measured at both :data:`SIZES`."""
MEASURABLE = 0.002
LIMIT = 2.0
"""Seconds one run may take before the pattern is called super-linear (an exponential one never ends)."""
MAX_RATIO = 10.0
"""Time at 16,000 characters over time at 4,000: about 4 when linear, 16 when quadratic."""
BREAKER = "\x00"
MAX_WORDS = 10
MAX_CHARS = 8


@dataclass(frozen=True)
class Found:
    name: str
    pattern: re.Pattern[str]
    uses: frozenset[str]
    """How frus_cite runs it: "search" (from every start: search, finditer, sub, split…), "match", "fullmatch"."""


def _modules() -> Iterator:
    yield frus_cite
    for info in pkgutil.walk_packages(frus_cite.__path__, "frus_cite."):
        yield importlib.import_module(info.name)


def _call_sites(module) -> Iterator[tuple[ast.Call, str]]:
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in RE_FUNCTIONS
            and node.args
        ):
            yield node, node.func.attr


def _flags(node: ast.Call, function: str, namespace: dict) -> int:
    position = FLAGS_POSITION[function]
    expression = next((k.value for k in node.keywords if k.arg == "flags"), None)
    if expression is None and len(node.args) > position:
        expression = node.args[position]
    return 0 if expression is None else eval(compile(ast.Expression(expression), "<flags>", "eval"), namespace)


SEARCHING = {"search", "finditer", "findall", "sub", "subn", "split"}


def _uses(modules) -> dict[tuple[str, str], set[str]]:
    """How each name is used in each module: ``NAME.match(…)`` in M → uses[(M, NAME)] = {"match"}."""
    uses: dict[tuple[str, str], set[str]] = {}
    for module in modules:
        try:
            tree = ast.parse(inspect.getsource(module))
        except (OSError, TypeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else None
                if name and node.func.attr in SEARCHING | {"match", "fullmatch"}:
                    use = "search" if node.func.attr in SEARCHING else node.func.attr
                    uses.setdefault((module.__name__, name), set()).add(use)
    return uses


def _uses_of(pattern: re.Pattern, attribute: str, modules, uses) -> frozenset[str]:
    """The uses of a module constant in every module that holds it (its own, and importers)."""
    found: set[str] = set()
    for module in modules:
        if vars(module).get(attribute) is pattern:
            found |= uses.get((module.__name__, attribute), set())
    return frozenset(found)


def _shown(pattern: re.Pattern) -> str:
    text = pattern.pattern
    return text.decode("latin-1") if isinstance(text, bytes) else text


def collect() -> tuple[list[Found], dict[str, str]]:
    """Every pattern in frus_cite (deduplicated), and the call sites whose pattern is built at run time."""
    found: dict[tuple[str, int], Found] = {}
    dynamic: dict[str, str] = {}
    modules = list(_modules())
    uses = _uses(modules)
    unknown = frozenset({"search", "fullmatch"})  # passed around: assume the worst
    for module in modules:
        namespace = vars(module)
        for attribute, value in namespace.items():
            if isinstance(value, re.Pattern):
                how = _uses_of(value, attribute, modules, uses) or unknown
                found.setdefault((value.pattern, value.flags), Found(f"{module.__name__}.{attribute}", value, how))
        for node, function in _call_sites(module):
            site = f"{module.__name__}: {ast.unparse(node.args[0])}"
            try:
                value = eval(compile(ast.Expression(node.args[0]), "<pattern>", "eval"), namespace)
                flags = _flags(node, function, namespace)
            except NameError:
                dynamic[site] = ast.unparse(node)
                continue
            if isinstance(value, re.Pattern):
                continue  # a module constant, found above
            pattern = re.compile(value, flags)
            how = frozenset({"search" if function in SEARCHING else "match" if function == "match" else "fullmatch"})
            key = (pattern.pattern, pattern.flags)
            if function == "compile":
                if key in found:
                    continue  # a module constant's own definition, found above with its uses
                how = unknown
            if key in found:
                how |= found[key].uses
            name = found[key].name if key in found else f"{module.__name__}: {_shown(pattern)[:48]}"
            found[key] = Found(name, pattern, how)
    return sorted(found.values(), key=lambda f: f.name), dynamic


# --- inputs built from a pattern's own pieces -------------------------------------------------

_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a",
    "CATEGORY_NOT_DIGIT": "a", "CATEGORY_NOT_SPACE": "a", "CATEGORY_NOT_WORD": " ",
}


def _class_samples(items) -> list[str]:
    samples = []
    negated = False
    for op, value in items:
        name = str(op)
        if name == "NEGATE":
            negated = True
        elif name == "LITERAL":
            samples.append(chr(value))
        elif name == "RANGE":
            samples.append(chr(value[0]))
        elif name == "CATEGORY":
            samples.append(_CATEGORY_SAMPLES.get(str(value), " "))
    return ["a", " ", "1"] if negated else samples


def _walk(items, words: set[str], chars: set[str], least: int) -> str:
    """Collect literal words and class samples; return a string shaped like a match, each
    repeat taken at least *least* times (0: the shortest match, 1: every part present)."""
    shape: list[str] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            words.add("".join(literal))
            literal.clear()

    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            literal.append(chr(value))
            shape.append(chr(value))
            continue
        flush()
        if name == "IN":
            samples = _class_samples(value)
            chars.update(samples)
            shape.append(samples[0] if samples else "a")
        elif name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            low, _, body = value
            shape.append(_walk(body, words, chars, least) * max(least, min(low, 3)))
        elif name == "SUBPATTERN":
            shape.append(_walk(value[-1], words, chars, least))
        elif name == "ATOMIC_GROUP":
            shape.append(_walk(value, words, chars, least))
        elif name == "BRANCH":
            branches = [_walk(branch, words, chars, least) for branch in value[1]]
            words.update(b for b in branches if b)
            shape.append(branches[0])
        elif name in {"ASSERT", "ASSERT_NOT"}:
            _walk(value[1], words, chars, least)
        elif name in {"ANY", "NOT_LITERAL"}:
            shape.append("x")
        elif name == "GROUPREF_EXISTS":
            _walk(value[1], words, chars, least)
    flush()
    return "".join(shape)


def families(pattern: re.Pattern[str]) -> dict[str, Callable[[int], str]]:
    """Input makers (size → text) built from the pattern's words, characters and shape, each
    ending in a character that makes the last match attempt fail."""
    words: set[str] = set()
    chars: set[str] = {" ", "\n"}
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    shapes = {_walk(parsed, words, chars, least) for least in (0, 1)}
    pieces = sorted({w for w in words | shapes if 1 < len(w) <= 60}, key=lambda w: (len(w), w))[:MAX_WORDS]
    singles = sorted(chars, key=lambda c: (not c.isspace(), c))[:MAX_CHARS]

    def repeat(unit: str, size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    made: dict[str, Callable[[int], str]] = {}
    for unit in singles + pieces:
        made[f"{unit!r}×n"] = lambda size, unit=unit: repeat(unit, size) + BREAKER
        made[f"({unit!r}+' ')×n"] = lambda size, unit=unit: repeat(unit + " ", size) + BREAKER
    for unit in pieces + [c for c in singles if c.isalnum()]:
        for run in [c for c in singles if not c.isalnum()][:4]:
            made[f"{unit!r}+{run!r}×n+{unit!r}"] = lambda size, unit=unit, run=run: unit + repeat(run, size) + unit + BREAKER
    return made


# --- timing ---------------------------------------------------------------------------------------


class TooSlow(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise TooSlow


def _once(run: Callable[[str], object], text: str, limit: float) -> float:
    """CPU seconds of one run (a loaded machine's waiting does not count), stopped after *limit*."""
    previous = signal.signal(signal.SIGVTALRM, _alarm)
    signal.setitimer(signal.ITIMER_VIRTUAL, limit)
    started = time.thread_time()
    try:
        run(text)
        return time.thread_time() - started
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


def operations(found: Found) -> dict[str, Callable[[str], object]]:
    """How frus_cite runs the pattern: from every start (all matches: finditer), or anchored."""
    pattern = found.pattern
    every = {
        "search": lambda text: sum(1 for _ in pattern.finditer(text)),
        "match": pattern.match,
        "fullmatch": pattern.fullmatch,
    }
    if isinstance(pattern.pattern, bytes):  # TEI's prolog is read as bytes
        return {use: (lambda text, run=every[use]: run(text.encode("utf-8"))) for use in sorted(found.uses)}
    return {use: every[use] for use in sorted(found.uses)}


@dataclass(frozen=True)
class Growth:
    family: str
    operation: str
    seconds: tuple[float, ...]
    """Best time at each of :data:`SIZES` (or the screening time alone)."""
    too_slow: bool = False

    @property
    def ratio(self) -> float | None:
        return self.seconds[-1] / max(self.seconds[0], 1e-9) if len(self.seconds) == 2 else None

    @property
    def linear(self) -> bool:
        return not self.too_slow and (self.ratio is None or self.ratio <= MAX_RATIO)


def _growth(run, make, sizes, family, operation, limit, tries) -> Growth:
    texts = [make(size) for size in sizes]
    growth = None
    for _ in range(tries):  # a loaded machine slows some runs, not the best of three every time
        try:
            seconds = tuple(min(_once(run, text, limit) for _ in range(3)) for text in texts)
        except TooSlow:
            return Growth(family, operation, (limit,), too_slow=True)
        growth = Growth(family, operation, seconds)
        if growth.linear:
            break
    assert growth is not None
    return growth


def measure(run: Callable[[str], object], make: Callable[[int], str], family: str, operation: str, limit: float = LIMIT) -> Growth:
    """Screen at 4,000 characters; time what is measurable at 4,000 and 16,000 (best of 3, up to
    five tries); a growth that looks too steep there is confirmed at 16,000 and 64,000, where a
    quadratic pattern still grows sixteenfold and a few milliseconds of noise no longer count."""
    try:
        screen = _once(run, make(SCREEN), limit)
    except TooSlow:
        return Growth(family, operation, (limit,), too_slow=True)
    if screen < MEASURABLE:
        return Growth(family, operation, (screen,))
    growth = _growth(run, make, SIZES, family, operation, limit, tries=5)
    if growth.linear or growth.too_slow:
        return growth
    return _growth(run, make, (SIZES[-1], 4 * SIZES[-1]), family, operation, limit, tries=2)


def audit(found: Found, limit: float = LIMIT) -> list[Growth]:
    """The growth of every family of inputs under every use; stops at the first super-linear one."""
    results = []
    for operation, run in operations(found).items():
        for family, make in families(found.pattern).items():
            growth = measure(run, make, family, operation, limit)
            results.append(growth)
            if not growth.linear:
                return results
    return results


def worst(results: list[Growth]) -> Growth:
    return max(results, key=lambda g: (not g.linear, g.ratio or 0.0, g.seconds[-1]))


def main() -> None:
    patterns, dynamic = collect()
    print(f"{len(patterns)} patterns, {len(dynamic)} built at run time")
    for found in patterns:
        results = audit(found)
        bad = worst(results)
        growth = "too slow" if bad.too_slow else (f"× {bad.ratio:.1f}" if bad.ratio else f"{bad.seconds[0] * 1000:.2f} ms at 16k")
        print(f"{'ok ' if bad.linear else 'BAD'} {found.name:55} {len(results):4} inputs  worst: {bad.operation} {bad.family[:40]:40} {growth}")


if __name__ == "__main__":
    main()
