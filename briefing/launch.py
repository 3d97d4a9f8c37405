"""The ``briefing`` command's entry point: `briefing.cli.main` with Python's cycle collector held off.

Starting up imports Textual and builds the first screen: a great many objects, almost
none of them garbage, so the collections that would run meanwhile are wasted work
(about 20 ms of the 240 ms to the first paint, measured with bench/first_paint.py).
The app turns collection back on once it has started; the other subcommands are short
and make next to no cyclic garbage.
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from briefing.cli import main as run

    return run()
