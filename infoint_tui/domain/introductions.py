"""The introduction tree: who introduced whom (`Contact.referred_by`), as a forest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .models import Contact


@dataclass
class IntroNode:
    contact: Contact
    children: list[IntroNode] = field(default_factory=list)

    @property
    def descendants(self) -> int:
        """Everyone this person's introductions led to, directly or through others."""
        return sum(1 + child.descendants for child in self.children)

    @property
    def depth(self) -> int:
        """The longest chain of introductions below this person."""
        return max((1 + child.depth for child in self.children), default=0)


@dataclass(frozen=True)
class IntroTree:
    roots: list[IntroNode]  # people who introduced someone and were not introduced themselves

    @property
    def introductions(self) -> int:
        return sum(root.descendants for root in self.roots)

    @property
    def introducers(self) -> int:
        def count(node: IntroNode) -> int:
            return (1 if node.children else 0) + sum(count(c) for c in node.children)

        return sum(count(root) for root in self.roots)

    @property
    def deepest(self) -> int:
        return max((root.depth for root in self.roots), default=0)


def _added_order(contact: Contact) -> tuple:
    if contact.created_at is None:
        return (1, contact.name.casefold())
    return (0, contact.created_at, contact.name.casefold())


def introduction_tree(contacts: Iterable[Contact]) -> IntroTree:
    """Who introduced whom (`Contact.referred_by`), as a forest. Only people in an
    introduction appear; a referrer that no longer exists makes its people roots; a loop
    (A introduced B who introduced A) is cut where it was first entered."""
    people = sorted(contacts, key=_added_order)
    by_id = {c.id: c for c in people}
    children: dict[str, list[Contact]] = {}
    for contact in people:
        if contact.referred_by in by_id and contact.referred_by != contact.id:
            children.setdefault(contact.referred_by, []).append(contact)
    placed: set[str] = set()

    def build(contact: Contact) -> IntroNode:
        placed.add(contact.id)
        node = IntroNode(contact)
        for child in children.get(contact.id, []):
            if child.id not in placed:
                node.children.append(build(child))
        return node

    roots = [
        build(c)
        for c in people
        if c.id in children and (c.referred_by not in by_id or c.referred_by == c.id)
    ]
    for contact in people:  # loops have no root: start each where it was first entered
        if contact.id in children and contact.id not in placed:
            roots.append(build(contact))
    return IntroTree(roots)


def tree_lines(tree: IntroTree, label: Callable[[Contact], str] | None = None) -> list[str]:
    """The tree drawn in text, one person a line: 'Ruth Abebe', '└── Daniel Kim'."""
    name = label or (lambda c: c.name)
    lines: list[str] = []

    def draw(node: IntroNode, prefix: str, last: bool, top: bool) -> None:
        lines.append(
            name(node.contact)
            if top
            else f"{prefix}{'└── ' if last else '├── '}{name(node.contact)}"
        )
        below = "" if top else prefix + ("    " if last else "│   ")
        for i, child in enumerate(node.children):
            draw(child, below, i == len(node.children) - 1, False)

    for root in tree.roots:
        draw(root, "", True, True)
    return lines
