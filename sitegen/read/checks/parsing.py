"""JSON and YAML from a data folder, parsed so that however the text breaks the parser, the result is one note.

A datapackage.json, a changelog.yml or removed-charts.yml is untrusted text. Python's parsers fail on hostile
input in more ways than their own error class: deep nesting ("[" * 100000) raises RecursionError (or MemoryError),
an integer of more than 4300 digits or a date like 2025-13-45 raises ValueError, and YAML aliases can expand a
small file into billions of values (a "billion laughs" bomb) once something walks it. `load_json` and `screen_yaml`
turn every such failure into a `Broken` with a note in words (and the line and column where the parser knows
them), for the check that reads the file to report as its one problem.

The limits: nesting at most MAX_DEPTH levels (the shipped files need 8), and no YAML aliases (*name) or anchors
(&name): a file that needs one can write the value out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

MAX_DEPTH = 64


@dataclass(eq=False)
class Broken(Exception):
    """Why a text could not be parsed, in words, and where (1-based line and column) if known."""

    note: str
    line: int | None = None
    column: int | None = None


def load_json(text: str):
    """The value of a JSON text, or Broken, whatever the way the text breaks the parser."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise Broken(f"{error.msg} (line {error.lineno}, column {error.colno})", error.lineno, error.colno) from None
    except RecursionError:
        raise Broken(f"it is nested too deeply (more than {MAX_DEPTH} levels of brackets)") from None
    except MemoryError:
        raise Broken("it is too big or too deeply nested to read") from None
    except ValueError as error:  # a number too long to convert, among others
        raise Broken(_first_line(error)) from None
    if depth(value) > MAX_DEPTH:
        raise Broken(f"it is nested too deeply (more than {MAX_DEPTH} levels of brackets)")
    return value


def depth(value) -> int:
    """How many levels of lists and objects value nests, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:  # no need to go deeper than the limit
                stack.extend((child, level + 1) for child in item)
    return deepest


def screen_yaml(text: str) -> None:
    """Raise Broken if the YAML text is not one that yaml.safe_load reads safely: nested more than MAX_DEPTH
    levels, using an alias or anchor, or failing to load at all (whatever the error)."""
    level = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):  # the event parser does not recurse
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1) if mark else (None, None)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise Broken("it uses a YAML alias or anchor (*name or &name): write the value out instead", *where)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                level += 1
                if level > MAX_DEPTH:
                    raise Broken(f"it is nested too deeply (more than {MAX_DEPTH} levels)", *where)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                level -= 1
        yaml.safe_load(text)
    except Broken:
        raise
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        note = getattr(error, "problem", None) or _first_line(error)
        raise Broken(note, mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except Exception as error:  # noqa: BLE001 - RecursionError, MemoryError, ValueError (2025-13-45), ...: any
        raise Broken(_first_line(error) or type(error).__name__) from None


def _first_line(error: BaseException) -> str:
    """The error in words: its first line (Python's own advice on its limits left out)."""
    if "integer string conversion" in str(error):
        return "a number is too long (more than 4300 digits)"
    return str(error).strip().split("\n")[0]


def leaves(value, path: str = "") -> Iterator[tuple[str, object]]:
    """(path, value) of every string, number and other single value in a parsed JSON value, and of every key (at
    the path of its object), without recursion. A path names a list item by its "name" where it has a plain one
    (resources.groups.schema.fields.name_en.description), else by its index."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, dict):
            for key, child in reversed(item.items()):
                stack.append((_join(where, _plain(key)), child))
                stack.append((where, key))
        elif isinstance(item, list):
            for index in reversed(range(len(item))):
                child = item[index]
                name = child.get("name") if isinstance(child, dict) else None
                stack.append((_join(where, _plain(name) if _plain(name) else str(index)), child))
        else:
            yield where, item


def _plain(name) -> str:
    """A key or name as a part of a path, if it is plain (letters, digits, _ . -): hostile text is not echoed."""
    return name if isinstance(name, str) and _PLAIN.fullmatch(name) else ""


def _join(path: str, key: str) -> str:
    key = key or "?"
    return f"{path}.{key}" if path else key


_PLAIN = re.compile(r"[A-Za-z0-9_.-]{1,80}")
