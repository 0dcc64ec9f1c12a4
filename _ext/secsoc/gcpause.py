"""Bulk work without the cyclic garbage collector's pauses.

Loading a large list and building its table create tens of thousands of
long-lived objects (a docutils element is eight tracked containers). Left to
itself the collector would interrupt that work many times and then walk those
objects again in each young generation; on a 5,000-row list this made building
the table four times slower. So the collector is paused during the work, and the
objects made are then frozen (:func:`gc.freeze`): they skip the young
generations. Freezing is undone once the page has been read
(:func:`release`, on ``doctree-read``), so nothing stays exempt from collection:
the page's nodes are old by then, which is what they are.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release(*_: object) -> None:
    """``doctree-read`` handler: what was frozen becomes collectable again."""
    gc.unfreeze()
