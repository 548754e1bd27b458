"""finalspec's scenario runner: the real, unmodified threading code under a tracer.

Started by `finalspec cpython` with the interpreter under test and one argument, a JSON request
(the refinement mapping, a mode and its parameters). Writes one JSON object per line to stdout:
the interpreter, the mapping's locations as resolved in this interpreter's threading.py, then
per run the ITF trace it observed and what each thread did.

Method (docs/cpython.md): every joiner thread runs under sys.settrace; when it is about to
execute a mapped line of the target's Thread methods it stops, and the scheduler (the main
thread, not traced) lets exactly one stopped thread go on until its next mapped line. Between two
steps every controlled thread is stopped, so the observations taken there are exact. The target
thread's steps in C (release_sentinel, the OS thread's exit) are not controlled: they are
observed at those points. Works on 3.6+ (no tomllib, no sys.monitoring needed).
"""
import dis
import inspect
import json
import os
import random
import sys
import threading
import time

STEP_TIMEOUT = 10.0


def emit(obj):
    sys.stdout.write(json.dumps(obj, sort_keys=True) + "\n")
    sys.stdout.flush()


def version():
    return "%d.%d.%d" % sys.version_info[:3]


# ---------------------------------------------------------------- locations

def resolve(mapping):
    """Finds each location's line in this interpreter's module; errors name the version."""
    module = __import__(mapping["module"])
    source = getattr(module, "__file__", "?")
    where = "%s of CPython %s (%s)" % (mapping["module"], version(), source)
    resolved, errors = [], []
    for loc in mapping["location"]:
        obj = module
        for part in loc["function"].split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                break
        if obj is None or not hasattr(obj, "__code__"):
            errors.append("location %s: function %s not found in %s" % (loc["name"], loc["function"], where))
            continue
        lines, start = inspect.getsourcelines(obj)
        hits = [start + i for i, text in enumerate(lines)
                if loc["pattern"] in text and not text.strip().startswith("#")]
        occurrence = int(loc.get("occurrence", "0"))
        if not hits:
            errors.append("location %s: no line of %s contains %r in %s"
                          % (loc["name"], loc["function"], loc["pattern"], where))
            continue
        if occurrence == 0 and len(hits) > 1:
            errors.append("location %s: %d lines of %s contain %r in %s (give an occurrence)"
                          % (loc["name"], len(hits), loc["function"], loc["pattern"], where))
            continue
        if occurrence > len(hits):
            errors.append("location %s: occurrence %d of %r, but %s has %d in %s"
                          % (loc["name"], occurrence, loc["pattern"], loc["function"], len(hits), where))
            continue
        line = hits[max(occurrence, 1) - 1]
        code = obj.__code__
        if line not in {l for _, l in dis.findlinestarts(code)}:
            errors.append("location %s: line %d of %s is not a statement in %s" % (loc["name"], line, loc["function"], where))
            continue
        resolved.append(dict(loc, line=line, code=code, file=source))
    return resolved, errors


# ---------------------------------------------------------------- one run

class Run:
    """One execution of the join scenario under the scheduler."""

    def __init__(self, mapping, locations):
        self.m = mapping
        self.by_line = {(l["code"], l["line"]): l for l in locations}
        self.codes = {l["code"] for l in locations}
        self.cv = threading.Condition()
        self.joiners = list(mapping["joiners"])
        self.at = {}          # thread -> location it waits at (or an end)
        self.running = None   # the thread executing a step
        self.granted = None
        self.free = False     # after the trace: threads run to completion one by one
        self.pc = {j: None for j in self.joiners}
        self.outcome = {}
        self.failure = {}
        self.a_returned = False
        self.stage = "running"
        self.A = threading.Thread(target=self.target, name=mapping["target"])
        self.sentinel = None

    # --- in the scenario threads

    def target(self):
        self.arrive(self.m["target"], {"name": "target", "action": self.m["target_step"]["action"]})
        with self.cv:
            self.a_returned = True
            self.at[self.m["target"]] = None
            self.running = None
            self.cv.notify_all()

    def joiner(self, name):
        sys.settrace(self.global_trace)
        try:
            self.A.join()
            result = {"result": "returned"}
        except BaseException as e:  # the interpreter's behaviour is what we report
            tb = e.__traceback__
            while tb.tb_next is not None:
                tb = tb.tb_next
            result = {"result": "raised", "exception": type(e).__name__, "message": str(e),
                      "function": tb.tb_frame.f_code.co_name, "line": tb.tb_lineno}
        sys.settrace(None)
        with self.cv:
            self.outcome[name] = result
            if self.pc[name] != self.m["ends"]["assertion"]:
                self.pc[name] = self.m["ends"]["returned"] if result["result"] == "returned" else "raised"
            self.at[name] = None
            if self.running == name:
                self.running = None
            self.cv.notify_all()

    def global_trace(self, frame, event, arg):
        return self.local_trace if frame.f_code in self.codes else None

    def local_trace(self, frame, event, arg):
        if frame.f_locals.get("self") is not self.A:
            return self.local_trace
        name = threading.current_thread().name
        if event == "line":
            loc = self.by_line.get((frame.f_code, frame.f_lineno))
            if loc is not None:
                self.arrive(name, loc)
        elif event == "exception" and issubclass(arg[0], AssertionError) and name not in self.failure:
            self.failure[name] = {"function": frame.f_code.co_name, "line": frame.f_lineno, "message": str(arg[1])}
            # The spec's step ends with the failed assertion: the thread stops here (jPc "failed").
            self.arrive(name, {"name": "failed", "action": None, "pc": self.m["ends"]["assertion"]})
        return self.local_trace

    def arrive(self, name, loc):
        with self.cv:
            self.at[name] = loc
            if name in self.pc and loc.get("pc") is not None:
                self.pc[name] = loc["pc"]
            park(self, name)

    # --- in the scheduler (the main thread)

    def quiescent(self):
        deadline = time.monotonic() + STEP_TIMEOUT
        with self.cv:
            while self.running is not None or self.granted is not None or not self.all_placed():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError("thread %s did not reach a mapped location within %.0f s"
                                       % (self.running or self.granted, STEP_TIMEOUT))
                self.cv.wait(left)

    def all_placed(self):
        return all(n in self.at for n in [self.m["target"]] + self.joiners)

    def grant(self, name):
        with self.cv:
            self.granted = name
            self.cv.notify_all()
        self.quiescent()

    def holder(self):
        for j in self.joiners:
            if self.pc[j] == "release":
                return model_value(j)
        return None

    def namespace(self):
        return {"A": self.A, "sentinel": self.sentinel, "stage": self.stage, "os": os,
                "pc": dict(self.pc), "holder": self.holder,
                "mv": model_value, "fn": fn}

    def observe_stages(self):
        """A's stages in C reached since the last look, in order (monotonic)."""
        passed = []
        if not self.a_returned:
            return passed
        stages = self.m["stage"]
        names = [s["pc"] for s in stages]
        i = names.index(self.stage) + 1 if self.stage in names else 0
        while i < len(stages) and eval(stages[i]["observe"], self.namespace()):
            passed.append(stages[i])
            self.stage = stages[i]["pc"]
            i += 1
        return passed

    def snapshot(self):
        ns = self.namespace()
        return {v: to_itf(eval(e, ns)) for v, e in self.m["variables"].items()}

    def enabled(self):
        out = []
        for name in [self.m["target"]] + self.joiners:
            loc = self.at.get(name)
            if loc is None or loc.get("action") is None:
                continue
            if "enabled" in loc and not eval(loc["enabled"], self.namespace()):
                continue
            out.append(name)
        return out

    def step(self, name, states):
        """Grants one step and records it, with A's C stages seen meanwhile (see docs/cpython.md)."""
        loc = self.at[name]
        before = states[-1]
        self.grant(name)
        hidden = self.observe_stages()
        after = self.snapshot()
        hidden_vars = {v for s in self.m["stage"] for v in s.get("changes", [])} | {"aPc"}
        if name == self.m["target"]:
            s = dict(after, aPc=self.m["target_step"]["pc"])
            for v in hidden_vars - {"aPc"}:
                s[v] = before[v]
            record(states, s, loc["action"])
            for h in hidden:
                record(states, dict(states[-1], aPc=h["pc"], **{v: after[v] for v in h.get("changes", [])}), h["action"])
        else:
            for h in hidden:
                record(states, dict(states[-1], aPc=h["pc"], **{v: after[v] for v in h.get("changes", [])}), h["action"])
            record(states, after, loc["action"] + "(j=" + name + ")")
        return loc["action"]

    def wait_for_target(self, states, timeout=1.0):
        """The scheduler's other choice: let A's C code go on until its next stage is seen."""
        deadline = time.monotonic() + timeout
        while True:
            hidden = self.observe_stages()
            if hidden:
                after = self.snapshot()
                for h in hidden:
                    record(states, dict(states[-1], aPc=h["pc"], **{v: after[v] for v in h.get("changes", [])}), h["action"])
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.0002)

    def start(self):
        self.A.start()
        self.sentinel = self.A._tstate_lock
        threads = [threading.Thread(target=self.joiner, args=(j,), name=j) for j in self.joiners]
        for t in threads:
            t.start()
        self.threads = threads
        self.quiescent()
        return [dict(self.snapshot())]

    def finish(self, states):
        """After the trace: parked threads run to the end one at a time, in name order."""
        for name in sorted(self.joiners):
            while self.at.get(name) is not None:
                self.grant(name)
        for t in self.threads:
            t.join(STEP_TIMEOUT)
        # A is not joined here (its lock may be in any state after a failure): its OS thread's exit is awaited.
        deadline = time.monotonic() + STEP_TIMEOUT
        while self.stage != "exited" and time.monotonic() < deadline:
            self.observe_stages()
            time.sleep(0.0002)

    def target_exited(self):
        return self.stage == self.m["stage"][-1]["pc"]


def park(run, name):
    """Holding run.cv, thread `name` has stopped: it waits there until the scheduler grants it a step.

    Shared by every runner: `run` has cv, running and granted; the scheduler sets granted = name
    and waits for the thread to be stopped again (running back to None)."""
    if run.running == name:
        run.running = None
    run.cv.notify_all()
    while run.granted != name:
        run.cv.wait()
    run.granted = None
    run.running = name


def fn(pairs):
    return {"#map": [[k, v] for k, v in pairs]}


def model_value(name):
    """A TLA+ model value in ITF (ADR-015): a value of an uninterpreted type, "name_OF_TYPE"."""
    return name + "_OF_UNTYPED"


def to_itf(v):
    if isinstance(v, dict) and "#map" in v:
        return {"#map": [[to_itf(k), to_itf(x)] for k, x in v["#map"]]}
    return v


def record(states, state, action):
    s = dict(state)
    s["#meta"] = {"index": len(states), "action": action}
    states.append(s)


def itf(mapping, states, source):
    first = dict(states[0])
    first["#meta"] = {"index": 0, "action": "Init"}
    return {"#meta": {"format": "ITF", "source": mapping["spec"], "generated-by": source},
            "vars": list(mapping["variables"].keys()), "states": [first] + states[1:]}


def terminal(run):
    return all(run.at.get(j) is None or run.at[j].get("action") is None for j in run.joiners)


def random_run(mapping, locations, seed):
    rng = random.Random(seed)
    run = Run(mapping, locations)
    states = run.start()
    while True:
        choices = run.enabled()
        if not run.target_exited() and run.a_returned:
            choices.append(None)  # wait for A's C code
        if not choices:
            break
        pick = rng.choice(choices)
        if pick is None:
            run.wait_for_target(states)
        else:
            run.step(pick, states)
    stuck = [j for j in run.joiners if run.at.get(j) is not None and run.at[j].get("action") is not None]
    run.finish(states)
    return run, states, stuck


def replay_run(mapping, locations, plan):
    """Drives the threads through a counterexample: plan = [[actor, action], ...] after Init."""
    run = Run(mapping, locations)
    states = run.start()
    steps = []
    for actor, action in plan:
        entry = {"actor": actor, "action": action}
        if actor == mapping["target"] and action != mapping["target_step"]["action"]:
            order = [st["action"] for st in mapping["stage"]]

            def reached():
                seen = [st["action"] for st in mapping["stage"] if st["pc"] == run.stage]
                return bool(seen) and order.index(seen[0]) >= order.index(action)
            # A's C code is not driven: the stage may have been seen during an earlier step already.
            if reached() or (run.wait_for_target(states, timeout=STEP_TIMEOUT) and reached()):
                entry["did"] = action
                entry["at"] = "observed in C"
            else:
                entry["did"] = "nothing: A's C code did not reach " + action
                steps.append(entry)
                break
        else:
            loc = run.at.get(actor)
            here = None if loc is None else loc.get("action")
            if here != action:
                entry["did"] = "cannot: %s is at %s" % (actor, "its end" if loc is None else loc["name"])
                steps.append(entry)
                break
            if "enabled" in loc and not eval(loc["enabled"], run.namespace()):
                entry["did"] = "cannot: %s would block at %s" % (actor, loc["name"])
                steps.append(entry)
                break
            run.step(actor, states)
            entry["did"] = action
            entry["at"] = "%s ran %s line %d" % (actor, loc["function"], loc["line"]) if "line" in loc else actor + "'s function returned"
        entry["state"] = states[-1]
        steps.append(entry)
    run.finish(states)
    return run, states, steps


def report(run, states, mapping, mode, extra):
    out = {"kind": "run", "mode": mode, "itf": itf(mapping, states, "finalspec_scenarios.py on CPython " + version()),
           "outcome": run.outcome, "failure": run.failure}
    out.update(extra)
    emit(out)


def main():
    with open(sys.argv[1]) as f:
        request = json.load(f)
    mapping = request["mapping"]
    emit({"kind": "interpreter", "version": version(), "executable": sys.executable,
          "module_file": getattr(__import__(mapping["module"]), "__file__", "?")})
    locations, errors = resolve(mapping)
    emit({"kind": "locations", "errors": errors,
          "resolved": [{"name": l["name"], "function": l["function"], "line": l["line"]} for l in locations]})
    if errors or request["mode"] == "check":
        return
    if request["mode"] == "random":
        for i in range(request["runs"]):
            seed = request["seed"] * 1000003 + i
            run, states, stuck = random_run(mapping, locations, seed)
            report(run, states, mapping, "random", {"index": i, "seed": seed, "stuck": stuck})
    elif request["mode"] == "replay":
        run, states, steps = replay_run(mapping, locations, request["plan"])
        report(run, states, mapping, "replay", {"steps": steps})


if __name__ == "__main__":
    main()
