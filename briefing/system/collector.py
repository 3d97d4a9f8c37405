"""Python's cycle collector, which `briefing.launch` holds off while the app starts: turned back on once it has."""

from __future__ import annotations

import gc


def resume_collection() -> None:
    """Turn the cycle collector back on if start-up held it off."""
    if not gc.isenabled():
        # Most of what start-up built lives as long as the app: frozen, no collection walks it again. The
        # little of it dropped later (a reloaded body's first blocks) is never collected: a bounded cost.
        gc.freeze()
        gc.enable()
