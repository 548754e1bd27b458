# finalspec's gdb script for gh-110052's window (docs/cpython.md): run by
#   gdb -nx -batch -x finalspec_window.py --args <finalspec_embed.c built against python3.11d> window
# (GdbWindow.java builds and runs it; `finalspec cpython --gdb-runs N`).
# It holds the daemon thread in take_gil just after its finalization check (C1: tstate_must_exit
# said "go on"), lets the main thread run Py_FinalizeEx until _PyThreadState_DeleteExcept has
# freed the daemon's thread state, reads what the daemon is about to read (tstate->interp), then
# lets both go. The debug build's allocator fills freed memory with 0xdd bytes and its
# assert(is_tstate_valid(tstate)) checks for them. One JSON line, prefixed "finalspec-window: ".
import json
import gdb

MAIN, DAEMON = 1, 2
result = {"held_after_check": False, "main_freed_tstates": False}


def say(**kv):
    result.update(kv)


def thread_num():
    return gdb.selected_thread().num


def pc():
    return int(gdb.selected_frame().pc())


def resume(thread=None):
    """Continues every thread, or only `thread` (scheduler-locking on)."""
    gdb.execute("set scheduler-locking " + ("off" if thread is None else "on"))
    if thread is not None:
        gdb.execute("thread %d" % thread, to_string=True)
    gdb.execute("continue", to_string=True)


signals = []
gdb.events.stop.connect(lambda e: signals.append(e.stop_signal) if isinstance(e, gdb.SignalEvent) else None)

try:
    gdb.execute("set debuginfod enabled off")  # never fetch symbols over the network
except gdb.error:
    pass  # a gdb built without debuginfod
for setting in ("pagination off", "confirm off", "print thread-events off", "breakpoint pending on"):
    gdb.execute("set " + setting)
gdb.execute("break main", to_string=True)
gdb.execute("run", to_string=True)
# Just after C1: the instruction that calls the debug build's is_tstate_valid (no line numbers,
# so a Debian update of 3.11 does not move it).
code = gdb.execute("disassemble take_gil", to_string=True)
calls = [l.split()[0] for l in code.splitlines() if "<is_tstate_valid>" in l]
if not calls:
    say(error="take_gil has no call to is_tstate_valid: not a debug build of CPython 3.11")
    print("finalspec-window: " + json.dumps(result))
    gdb.execute("kill")
    raise SystemExit
after_check = int(calls[0], 16)
gdb.Breakpoint("*0x%x" % after_check)
finalize = gdb.Breakpoint("Py_FinalizeEx")
resume()
daemon_held = main_in_finalize = False
while not (daemon_held and main_in_finalize):
    # the daemon's take_gil after its blocking call (go set), not the one of PyGILState_Ensure
    if thread_num() == DAEMON and pc() == after_check and int(gdb.parse_and_eval("go")) == 1:
        daemon_held = True
    elif thread_num() == MAIN and finalize.hit_count > 0 and not main_in_finalize \
            and gdb.selected_frame().name() == "Py_FinalizeEx":
        main_in_finalize = True
    if daemon_held and main_in_finalize:
        break
    # run the one that is not in place yet, the other stays where it is
    resume(MAIN if daemon_held else DAEMON if main_in_finalize else None)
say(held_after_check=True)
gdb.execute("thread %d" % DAEMON, to_string=True)
gdb.execute("frame function take_gil", to_string=True)
say(interp_before=str(gdb.parse_and_eval("tstate->interp")))
gdb.Breakpoint("_PyThreadState_DeleteExcept")
resume(MAIN)
gdb.execute("finish", to_string=True)
say(main_freed_tstates=True)
gdb.execute("thread %d" % DAEMON, to_string=True)
gdb.execute("frame function take_gil", to_string=True)
say(interp_after_free=str(gdb.parse_and_eval("tstate->interp")))
for b in gdb.breakpoints():
    b.delete()
gdb.execute("set scheduler-locking off")
gdb.execute("continue", to_string=True)
signal = signals[-1] if signals else None
say(signal=signal)
if signal:
    say(thread=thread_num(), backtrace=[f.split(" in ")[-1].split(" (")[0] for f in
        gdb.execute("bt 8", to_string=True).splitlines() if f.startswith("#")])
print("finalspec-window: " + json.dumps(result))
gdb.execute("kill", to_string=True)
