"""finalspec's shutdown scenario: threading._shutdown and atexit on the real, unmodified interpreter.

Started by `finalspec cpython` like finalspec_scenarios.py (one argument, a JSON request: the
mapping, a mode and its parameters; JSON lines on stdout), for mappings with
`scenario = "shutdown"` (specs/ThreadStartShutdown.mapping.toml, docs/cpython.md).

The scenario is the gh-104690 reproducer's shape: the main thread M has started a non-daemon
thread N, which starts A; M's module code ends, so the interpreter finalizes (Py_FinalizeEx ->
wait_for_thread_shutdown -> threading._shutdown), then runs the atexit handler, which starts B;
B starts C. `_shutdown` runs once per process, so every run is a fresh process: a child forked
from this warm runner (fork costs milliseconds where an interpreter start costs a third of a
second here), which leaves through the interpreter's own exit path (SystemExit -> Py_Exit ->
Py_FinalizeEx), never os._exit.

Every controlled thread runs under sys.settrace and stops when it is about to execute a mapped
line (of threading.py, or one of the scenario's own points); a scheduler thread (a daemon, not
traced) lets one stopped thread at a time go on until its next stop: one step of the spec. A
thread between its creation and its first stop (thread_run, take_gil, Thread._bootstrap_inner:
C and library code that no tracer reaches) is "in transit"; its arrival is the spec's BootBind
step, recorded when the scheduler sees it, before the granted step it overlapped when the thread
was started earlier and after it when that step started the thread (BootBind changes only the
thread's own pc, so either order is a behaviour exactly when the observed one is).
"""
import json
import os
import random
import select
import signal
import sys
import threading
import time
import atexit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import finalspec_scenarios as common  # noqa: E402  (the locations resolver and the ITF helpers)

STEP_TIMEOUT = 10.0
RUN_TIMEOUT = 30.0
# Who starts whom: N starts A (while M may already be in _shutdown), B starts C (B itself is
# started by M's atexit handler). D is the spec's destructor thread, never started here.
CHILD = {"N": "A", "B": "C"}
THREADS = ["N", "A", "B", "C", "D"]


class Run:
    """One execution of the shutdown scenario in a forked child."""

    def __init__(self, mapping, locations, seed):
        self.m = mapping
        self.rng = random.Random(seed)
        self.points = {p["name"]: p for p in mapping["point"]}
        self.by_line = {}
        for loc in locations:
            self.by_line.setdefault((loc["code"], loc["line"]), []).append(loc)
        self.codes = {loc["code"] for loc in locations}
        self.cv = threading.Condition()
        self.at = {}            # thread name -> the location or point it is stopped at
        self.running = None     # the thread executing a granted step
        self.granted = None
        self.free = False       # after the trace: M runs on without stopping
        self.recorded = set()   # threads whose arrival (BootBind) is in the trace
        self.sentinel = {}      # thread name -> its _tstate_lock, kept once it arrived
        self.fin_at_start = {}  # thread name -> sys.is_finalizing() when its start returned
        self.atexit_ran = False
        self.t = {name: threading.Thread(target=self.body, args=(name,), name=name) for name in CHILD.keys() | set(CHILD.values())}

    # --- in the scenario threads

    def body(self, name):
        sys.settrace(self.global_trace)
        self.arrive(name, self.points["body"] if name in CHILD else self.points["body_end"])
        if name in CHILD:
            self.t[CHILD[name]].start()
            self.arrive(name, self.points["body_end"])
        # Returning ends the thread: Thread._bootstrap_inner, then thread_run's C code deletes the
        # thread state and release_sentinel releases _tstate_lock (the spec's Finish).

    def atexit_handler(self):
        self.arrive("M", self.points["atexit"])
        self.atexit_ran = True
        self.t["B"].start()
        self.arrive("M", self.points["atexit_end"])

    def global_trace(self, frame, event, arg):
        return self.local_trace if frame.f_code in self.codes else None

    def local_trace(self, frame, event, arg):
        if event == "line":
            name = threading.current_thread().name if threading.current_thread() is not threading.main_thread() else "M"
            for loc in self.by_line.get((frame.f_code, frame.f_lineno), ()):
                if name in loc["threads"]:
                    if loc.get("records_start"):
                        started = frame.f_locals.get("self")
                        self.fin_at_start[started.name] = sys.is_finalizing()
                    self.arrive(name, loc)
        return self.local_trace

    def arrive(self, name, loc):
        with self.cv:
            if self.free:
                return
            self.at[name] = loc
            if name in self.t and name not in self.sentinel:
                self.sentinel[name] = self.t[name]._tstate_lock
            common.park(self, name)

    # --- observations (the mapping's variables are expressions over these)

    def started(self, name):
        t = self.t.get(name)
        return t is not None and (t in threading._limbo or t._started.is_set() or t.ident is not None)

    def released(self, name):
        lock = self.sentinel.get(name)
        return lock is not None and not lock.locked()

    def pending(self, name):
        """Started, and its arrival (BootBind) not yet in the trace: in transit, or arrived and unrecorded."""
        return self.started(name) and name not in self.recorded and not self.released(name)

    def registered(self, name):
        """_shutdown would wait for it: its start is pending or its locked _tstate_lock is in _shutdown_locks."""
        t = self.t.get(name)
        if t is None:
            return False
        lock = self.sentinel.get(name) or t._tstate_lock
        return t in threading._limbo or (lock is not None and lock in threading._shutdown_locks and lock.locked())

    def pc(self, name):
        if self.released(name):
            return "done"
        if name in self.recorded:
            return self.at[name]["pc"]
        return "starting" if self.started(name) else "unborn"

    def namespace(self):
        return {"threads": THREADS, "child": CHILD, "pc": self.pc, "started": self.started,
                "registered": self.registered, "released": self.released,
                "mpc": self.at["M"]["mpc"], "atexit_ran": self.atexit_ran,
                "saw_fin": lambda n: self.fin_at_start.get(n, False),
                "sys": sys, "mv": common.model_value, "fn": common.fn}

    def snapshot(self):
        ns = self.namespace()
        return {v: common.to_itf(eval(e, ns)) for v, e in self.m["variables"].items()}

    # --- the scheduler (a daemon thread)

    def placed(self, names):
        return all(n in self.at for n in names)

    def wait_until(self, done, what):
        deadline = time.monotonic() + STEP_TIMEOUT
        with self.cv:
            while not done():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError("%s did not happen within %.0f s" % (what, STEP_TIMEOUT))
                self.cv.wait(min(left, 0.0005))

    def grant(self, name):
        loc = self.at[name]
        with self.cv:
            del self.at[name]
            self.granted = name
            self.cv.notify_all()
        if loc.get("final"):
            # The thread's last step ends in C: its thread state deleted, _tstate_lock released.
            self.wait_until(lambda: self.released(name), "the end of thread " + name)
            with self.cv:
                self.running = None
        else:
            self.wait_until(lambda: self.granted is None and self.running is None and name in self.at,
                            "thread %s's next mapped line" % name)
        return loc

    def enabled(self):
        out = []
        ns = self.namespace()
        for name, loc in sorted(self.at.items()):
            # A thread that arrived is not moved before its arrival is in the trace.
            if loc.get("action") is None or (name != "M" and name not in self.recorded):
                continue
            if "enabled" in loc and not eval(loc["enabled"], dict(ns, me=name)):
                continue
            out.append(name)
        return out

    def arrivals(self):
        with self.cv:
            return sorted(n for n in self.t if n in self.at and n not in self.recorded)

    def record_arrivals(self, states, names):
        for n in names:
            self.recorded.add(n)
            s = dict(states[-1])
            s["pc"] = {"#map": [[k, "running" if k == n else v] for k, v in s["pc"]["#map"]]}
            common.record(states, s, "BootBind(t=\"%s\")" % n)

    def step(self, name, states):
        before = {n for n in self.t if self.started(n)}
        loc = self.grant(name)
        new = self.arrivals()
        self.record_arrivals(states, [n for n in new if n in before])
        late = [n for n in new if n not in before]
        after = self.snapshot()
        if late:
            # Threads this step started and that already reached their first stop: the step's own
            # state shows them still starting, their BootBind follows.
            after["pc"] = {"#map": [[k, "starting" if k in late else v] for k, v in after["pc"]["#map"]]}
        label = loc["action"] + ("" if name == "M" else "(t=\"%s\")" % name)
        common.record(states, after, label)
        self.record_arrivals(states, late)

    def wait_for_transit(self, states):
        self.wait_until(lambda: any(n in self.at for n in self.t if n not in self.recorded), "a new thread's first stop")
        self.record_arrivals(states, self.arrivals())

    def schedule(self):
        self.wait_until(lambda: self.placed(["M", "N"]), "the scenario's start")
        self.recorded.add("N")
        states = [self.snapshot()]
        while True:
            choices = self.enabled()
            if any(self.pending(n) for n in self.t):
                choices.append(None)
            if not choices:
                break
            pick = self.rng.choice(choices)
            if pick is None:
                self.wait_for_transit(states)
            else:
                self.step(pick, states)
        stuck = sorted(n for n, loc in self.at.items() if loc.get("action") is not None)
        return states, stuck


def child(mapping, locations, seed, out_fd):
    """One run, in a forked child: ends in the interpreter's own finalization."""
    run = Run(mapping, locations, seed)
    atexit.register(run.atexit_handler)
    run.t["N"].start()

    def scheduler():
        try:
            states, stuck = run.schedule()
            line = {"kind": "run", "itf": common.itf(mapping, states, "finalspec_shutdown.py on CPython " + common.version()),
                    "stuck": stuck}
        except Exception as e:  # reported to the parent, which fails the run
            line = {"kind": "error", "message": "%s: %s" % (type(e).__name__, e)}
        os.write(out_fd, (json.dumps(line, sort_keys=True) + "\n").encode())
        os.close(out_fd)
        with run.cv:
            run.free = True
            run.granted = "M"
            run.cv.notify_all()

    threading.Thread(target=scheduler, name="scheduler", daemon=True).start()
    sys.settrace(run.global_trace)
    run.arrive("M", run.points["main_end"])
    # MainReturns: M's module code ends; SystemExit takes the interpreter's exit path
    # (Py_Exit -> Py_FinalizeEx -> wait_for_thread_shutdown -> threading._shutdown -> atexit).
    raise SystemExit(0)


def parent_run(mapping, locations, index, seed):
    """Forks one child and reads its line; its exit status is part of what the interpreter did."""
    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        child(mapping, locations, seed, w)
    os.close(w)
    data, deadline, status = b"", time.monotonic() + RUN_TIMEOUT, None
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.kill(pid, signal.SIGKILL)
            break
        ready, _, _ = select.select([r], [], [], left)
        chunk = os.read(r, 65536) if ready else b""
        if not chunk:
            break
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    line = json.loads(data.decode()) if data.strip() else {"kind": "error", "message": "no trace (killed after %.0f s)" % RUN_TIMEOUT}
    if line["kind"] == "error":
        raise RuntimeError("run %d (seed %d): %s" % (index, seed, line["message"]))
    if os.WIFSIGNALED(status):
        summary = "killed by signal %d" % os.WTERMSIG(status)
    else:
        summary = "exit status %d" % os.WEXITSTATUS(status)
    line.update({"index": index, "seed": seed, "summary": summary})
    common.emit(line)


def main():
    with open(sys.argv[1]) as f:
        request = json.load(f)
    mapping = request["mapping"]
    common.emit({"kind": "interpreter", "version": common.version(), "executable": sys.executable,
                 "module_file": getattr(__import__(mapping["module"]), "__file__", "?")})
    locations, errors = common.resolve(mapping)
    common.emit({"kind": "locations", "errors": errors,
                 "resolved": [{"name": l["name"], "function": l["function"], "line": l["line"]} for l in locations]})
    if errors or request["mode"] == "check":
        return
    if request["mode"] == "random":
        for i in range(request["runs"]):
            parent_run(mapping, locations, i, request["seed"] * 1000003 + i)


if __name__ == "__main__":
    main()
