"""gunicorn's configuration, used by the Dockerfile, docker-compose.yml and
bench/load.py: ``gunicorn -c gunicorn.conf.py rial_portal.wsgi``.

Every value can be changed by an environment variable of the same name
(upper case, ``GUNICORN_`` prefix), documented in the README.
"""

import os

cpus = os.cpu_count() or 1


def _int(name, default):
    return int(os.environ.get(f"GUNICORN_{name}", default))


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Processes use every core; threads let a process overlap the waits of its
# requests (database, cache, storage) without another copy of the code in memory.
workers = _int("WORKERS", 2 * cpus)
threads = _int("THREADS", 2)
worker_class = "gthread"
# Behind a proxy that reuses its connections to us.
keepalive = _int("KEEPALIVE", 5)
# A request longer than this is killed and logged: exports and PDFs finish
# well within it. The grace lets in-flight requests end on a restart.
timeout = _int("TIMEOUT", 60)
graceful_timeout = _int("GRACEFUL_TIMEOUT", 30)
# A process is replaced after this many requests, so that slow leaks never
# grow; the jitter keeps all processes from restarting at the same moment.
max_requests = _int("MAX_REQUESTS", 2000)
max_requests_jitter = _int("MAX_REQUESTS_JITTER", max(1, max_requests // 10))
# Access lines go to standard output with the others, for the log collector.
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# The worker's temporary heartbeat file in memory, not on a container's disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The proxy in front sets X-Forwarded-*: trust it from the addresses given,
# and from nobody without a proxy (BEHIND_PROXY, as the portal's settings).
# The values django-environ reads as true.
_behind_proxy = os.environ.get("BEHIND_PROXY", "").lower() in ("true", "on", "ok", "y", "yes", "1")
forwarded_allow_ips = os.environ.get(
    "GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1" if _behind_proxy else ""
)

# Loaded once in the master and shared by the forked processes' memory.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"

# Prometheus (/metrics/) with several processes: each writes its request
# counters to files in PROMETHEUS_MULTIPROC_DIR, and the process that answers
# a scrape sums them all. The folder is emptied at each start, as counts of
# an earlier run would add to this one's.
# Done as the configuration loads: the preloaded application writes there.
metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
if metrics_dir:
    os.makedirs(metrics_dir, exist_ok=True)
    for name in os.listdir(metrics_dir):
        if name.endswith(".db"):
            os.remove(os.path.join(metrics_dir, name))


def child_exit(server, worker):
    if metrics_dir:
        # Imported here: only with the folder set is prometheus_client's
        # multiprocess mode in use.
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
