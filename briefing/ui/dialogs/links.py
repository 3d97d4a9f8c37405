"""Choosing one of the summary's links to open, by keyboard."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.present.links import has_credentials, shown_host
from briefing.ui.backdrop import Dialog
from briefing.ui.keys import LINK_PICKER_BINDINGS, hint
from briefing.ui.scroll_ahead import scrollbar_ahead
from briefing.ui.widgets.choices import Choices
from briefing.ui.widgets.key_footer import KeyFooter


def _prompt(text: str, url: str) -> Content:
    """The link's text, its URL (once, for a link whose text is its URL), and its host in ``xn--`` form when the
    name is not plain ASCII."""
    host = shown_host(url)
    warning = (f"\nhost {host}: the name is not plain ASCII and may imitate another", "$warning") if host else ""
    refused = ("\ncarries a user name or password: not opened", "$warning") if has_credentials(url) else ""
    shown = (text, "bold"), "\n", (url, "dim")
    return Content.assemble(*(shown if text != url else [(url, "bold")]), warning, refused)


class LinkPicker(Dialog[str | None]):
    """The links of the summary's body; enter opens one (http and https only), esc goes back."""

    BINDINGS = [*LINK_PICKER_BINDINGS]

    def __init__(self, links: list[tuple[str, str]]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="links") as box:
            box.border_title = Content(" Links in the summary ")
            box.border_subtitle = hint(self, "links.cancel", lead="enter open")
            yield Choices(*(Option(_prompt(text, url)) for text, url in self.links), id="link-list")
        yield KeyFooter()  # the keys of this view, over the screen's own

    def on_mount(self) -> None:
        scrollbar_ahead(self.query_one("#links"), self.query_one("#link-list"))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
