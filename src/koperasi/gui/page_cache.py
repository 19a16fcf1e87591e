"""The rows of a long list, fetched a page at a time with the most recently used pages kept.

Both lazy table models (members, loans) hold one: ``rowCount`` is the cache's total, and a
row asked for by the view brings in the page it falls in through the fetch function.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

PAGE_SIZE = 200
CACHED_PAGES = 50

Row = TypeVar("Row")


class Page(Protocol[Row]):
    total: int
    rows: list[Row]


class PageCache(Generic[Row]):
    def __init__(self, fetch: Callable[[int, int], Page[Row]]) -> None:
        self._fetch = fetch  # (offset, limit) -> a page with the total count
        self._total = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    @property
    def total(self) -> int:
        return self._total

    def first_page(self) -> Page[Row]:
        return self._fetch(0, PAGE_SIZE)

    def start(self, first: Page[Row]) -> None:
        """Forget every page and begin again from ``first`` (call between a model's reset signals)."""
        self._total = first.total
        self._pages = OrderedDict({0: first.rows})

    def grow(self, total: int) -> None:
        """The list holds ``total`` rows: more than first counted (a search's count stops at a cap); pages kept."""
        self._total = total

    def row(self, index: int) -> Row | None:
        if not 0 <= index < self._total:
            return None
        page = self._page(index // PAGE_SIZE)
        offset = index % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def index_of(self, row_id: object) -> int | None:
        """Where a row (by its ``id``) is among the pages already loaded (to keep a selection)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == row_id:  # type: ignore[attr-defined]
                    return number * PAGE_SIZE + offset
        return None

    def _page(self, number: int) -> list[Row]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        rows = self._fetch(number * PAGE_SIZE, PAGE_SIZE).rows
        self._pages[number] = rows
        while len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows
