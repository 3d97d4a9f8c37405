"""The baseline for bench/first_paint.py: the smallest Textual app that paints one word."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")


if __name__ == "__main__":
    MinimalApp().run()
