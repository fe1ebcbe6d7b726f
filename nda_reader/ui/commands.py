"""The command palette (ctrl+p): the key table's actions that apply on the current screen."""

from __future__ import annotations

from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

from nda_reader.ui.keys import KeyAction, KeyScoped, Scope, ScopeRouter, keymap_of, keys_text, table


class ReaderCommands(Provider):
    """Offers every palette action of the key table that applies here, with its keys."""

    def _scopes(self) -> tuple[Scope, ...]:
        screen = self.screen
        own = screen.KEY_SCOPES if isinstance(screen, KeyScoped) else ()
        return (*own, Scope.APP)

    def _available(self) -> list[KeyAction]:
        scopes = self._scopes()
        return [a for a in table() if a.palette and a.scope in scopes]

    def _node(self, action: KeyAction) -> Widget | App[object]:
        if action.scope is Scope.APP:
            return self.app
        screen = self.screen
        return screen.node_for(action.scope) if isinstance(screen, ScopeRouter) else screen

    async def _run(self, action: KeyAction) -> None:
        await self._node(action).run_action(action.action)

    def _label(self, action: KeyAction) -> str:
        return f"{action.title}  ({keys_text(action, keymap_of(self.app))})"

    async def discover(self) -> Hits:
        """Every command that applies here."""
        for action in self._available():
            yield DiscoveryHit(self._label(action), partial(self._run, action), help=action.help)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for action in self._available():
            label = self._label(action)
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(label), partial(self._run, action), help=action.help
                )
