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


def resume_collection() -> None:
    """Turn the cycle collector back on if start-up held it off."""
    if not gc.isenabled():
        # Most of what start-up built lives as long as the app: frozen, no collection walks it again. The
        # little of it dropped later (a reloaded body's first blocks) is never collected: a bounded cost.
        gc.freeze()
        gc.enable()
