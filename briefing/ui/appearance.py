"""The look and the keys the settings ask for, checked against what the app has: what to apply, what to warn of."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from briefing.system.sanitize import escaped
from briefing.system.settings import Settings, settings_path
from briefing.ui.keys import BINDING_IDS


@dataclass(frozen=True)
class Appearance:
    theme: str | None
    """The theme to use, when one was asked for and exists."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, for the ids that exist."""
    warnings: tuple[str, ...] = ()


def appearance(settings: Settings, theme: str | None, themes: Collection[str]) -> Appearance:
    """The theme (``--theme`` for this run, else the settings') and the remapped keys; bad ones warned of."""
    settings_file = escaped(str(settings_path()))
    warnings: list[str] = []
    name = theme or settings.theme
    if name is not None and name not in themes:
        where = "--theme" if theme else f"{settings_file}: theme"
        warnings.append(f"{where}: no theme called “{escaped(name)}”; the themes are {', '.join(sorted(themes))}")
        name = None
    keymap: dict[str, str] = {}
    for binding_id, keys in settings.keys.items():
        if binding_id in BINDING_IDS:
            keymap[binding_id] = keys
        else:
            warnings.append(
                f"{settings_file}: keys: no binding with the id “{escaped(binding_id)}” (docs/keys.md lists them)"
            )
    return Appearance(name, keymap, tuple(warnings))
