"""The Dask client both engines use: a LocalCluster of worker processes, or an existing scheduler."""

from __future__ import annotations

import contextlib
import importlib.util
import logging
from collections.abc import Iterator
from typing import Any

LOG = logging.getLogger("corpuskit.dask")
"""Where the run is announced: the workers found and the dashboard to follow it on (the CLI prints it)."""


@contextlib.contextmanager
def dask_client(jobs: int, scheduler: str | None) -> Iterator[Any]:
    """A ``distributed.Client``; with no scheduler address, on a LocalCluster of ``jobs`` single-thread workers."""
    from distributed import Client, LocalCluster

    with contextlib.ExitStack() as stack:
        if scheduler is None:
            cluster = stack.enter_context(
                LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=max(jobs, 1),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # a free port: never a clash with a dashboard already on :8787
                )
            )
            client = stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
        else:
            client = stack.enter_context(Client(scheduler))  # type: ignore[no-untyped-call]
        LOG.info("%s", describe(client))
        yield client


def describe(client: Any) -> str:
    """One line on the cluster: its scheduler, its workers, and the dashboard link when it serves one."""
    info = client.scheduler_info()
    workers = len(info.get("workers", {}))
    local = client.cluster is not None
    where = "a LocalCluster" if local else info.get("address", "the scheduler")
    # A scheduler without bokeh still answers on the dashboard port, with a page asking for it.
    served = info.get("services", {}).get("dashboard") and (not local or importlib.util.find_spec("bokeh"))
    follow = f"follow the run on {client.dashboard_link}" if served else "no dashboard (install bokeh for one)"
    return f"dask: {workers} worker(s) on {where}; {follow}"
