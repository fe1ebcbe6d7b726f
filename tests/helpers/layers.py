"""The package's layering and shape, checked from its source with :mod:`ast`.

Layers, top to bottom (a package imports only from packages below it, or from itself)::

    cli > ui > export | editing | reading | importing | termbase | index > corpus | dictionary
        > formats > lang

``export``, ``editing``, ``reading``, ``importing``, ``termbase`` and ``index`` are siblings
on one layer and do not import each other; so are ``corpus`` and ``dictionary``. ``textual``
is imported in ``ui`` only. Imports inside functions and ``TYPE_CHECKING`` blocks count like
any other.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

RANKS = {
    "lang": 0,
    "formats": 1,
    "corpus": 2,
    "dictionary": 2,
    "editing": 3,
    "reading": 3,
    "export": 3,
    "importing": 3,
    "termbase": 3,
    "index": 3,
    "ui": 4,
    "cli": 5,
}
"""Each package's layer: a package may import packages of a lower rank, and itself."""

UI_ONLY = ("textual",)
"""Third-party packages only the ``ui`` layer may import."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One import that breaks the layering: where it is and what it imports."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _imported(node: ast.AST, module: str) -> list[str]:
    """Absolute module names an import node brings in (relative imports resolved)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = module.split(".")[: -node.level]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        if prefix == "nda_reader":  # "from nda_reader import corpus" names packages
            return [f"nda_reader.{alias.name}" for alias in node.names]
        return [prefix]
    return []


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "nda_reader" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in RANKS else None


def layer_violations(package_dir: Path) -> list[Violation]:
    """Every import in ``package_dir`` (the ``nda_reader`` folder) that breaks the layers."""
    found: list[Violation] = []
    for path in sorted(package_dir.rglob("*.py")):
        rel = path.relative_to(package_dir.parent).with_suffix("")
        module = ".".join(rel.parts).removesuffix(".__init__")
        own = _package_of(module)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            for name in _imported(node, module):
                top = name.split(".")[0]
                if top in UI_ONLY and own != "ui":
                    found.append(
                        Violation(path, node.lineno, f"{name} is imported outside nda_reader.ui")
                    )
                target = _package_of(name)
                if target is None or own is None or target == own:
                    continue
                if RANKS[target] >= RANKS[own]:
                    found.append(
                        Violation(
                            path,
                            node.lineno,
                            f"nda_reader.{own} imports nda_reader.{target}, which is not below it",
                        )
                    )
    return found


def loose_modules(package_dir: Path) -> list[Path]:
    """Modules directly in ``package_dir`` other than ``__init__.py`` and ``__main__.py``."""
    return sorted(
        p for p in package_dir.glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )


def long_files(package_dir: Path, limit: int = 400) -> list[tuple[Path, int]]:
    """Python files with more than ``limit`` lines."""
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > limit:
            out.append((path, lines))
    return out


def mixins_and_stubs(package_dir: Path) -> list[str]:
    """Classes named ``*Mixin``, and classes restating members in ``if TYPE_CHECKING:``."""
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            if node.name.endswith("Mixin"):
                out.append(f"{path}:{node.lineno}: class {node.name} is a mixin")
            for item in node.body:
                if isinstance(item, ast.If) and "TYPE_CHECKING" in ast.unparse(item.test):
                    out.append(
                        f"{path}:{item.lineno}: {node.name} restates members under TYPE_CHECKING"
                    )
    return out
