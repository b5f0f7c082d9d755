"""The Dask client both engines use: a LocalCluster of worker processes, or an existing scheduler."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def dask_client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A ``distributed.Client``; with no scheduler address, on a LocalCluster of ``jobs`` single-thread workers."""
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=max(jobs, 1), threads_per_worker=1, processes=True, dashboard_address=None
                )
            )
            yield stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        else:
            yield stack.enter_context(Client(scheduler))  # type: ignore[no-untyped-call]
