"""A stand-in for $EDITOR in tests: `fake_editor.py +LINE FILE` rewrites the first `key = "..."` value
at or after LINE to say which line it was opened at, as a person editing there would."""

import re
import sys
from pathlib import Path

line = int(sys.argv[1].removeprefix("+"))
path = Path(sys.argv[2])
lines = path.read_text(encoding="utf-8").split("\n")
for number in range(line - 1, len(lines)):
    edited = re.sub(r'^(\s*\w+\s*=\s*)"[^"]*"', rf'\1"Edited at line {line}"', lines[number], count=1)
    if edited != lines[number]:
        lines[number] = edited
        break
path.write_text("\n".join(lines), encoding="utf-8")
