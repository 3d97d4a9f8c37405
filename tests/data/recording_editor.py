"""A stand-in for $EDITOR that reads its arguments as vim does and records them.

vim runs an argument that starts with `+` as a command and reads one that starts with `-` as an option;
this records every argument, and which of them vim would have taken as a file, in the file $RECORD.
"""

import json
import os
import sys

arguments = sys.argv[1:]
files = [argument for argument in arguments if not argument.startswith(("+", "-"))]
commands = [argument for argument in arguments if argument.startswith("+") and not argument[1:].isdigit()]
with open(os.environ["RECORD"], "w", encoding="utf-8") as record:
    json.dump({"arguments": arguments, "files": files, "commands": commands}, record)
