/*
 * finalspec's embedding harness (docs/cpython.md): a thread attached with PyGILState_Ensure is in
 * a blocking call with the GIL released (Py_BEGIN_ALLOW_THREADS) when the main thread runs
 * Py_FinalizeEx. When the call returns, Py_END_ALLOW_THREADS -> PyEval_RestoreThread -> take_gil
 * finds the interpreter finalizing. What the interpreter does with the thread is observed: a
 * pthread_cleanup_push handler runs if the thread is unwound (pthread_exit), `returned` is set if
 * it got the GIL back. One JSON line per run on stdout.
 */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int entered = 0, unwound = 0, returned = 0;
/* "window" mode (argv[1]): the blocking call ends when main is about to finalize (go), so that the
 * daemon is in take_gil while Py_FinalizeEx runs; finalspec_window.py (gdb) holds it there. */
static volatile int window = 0, go = 0;

/* Whether Py_FinalizeEx has begun (_PyRuntime._finalizing is set; an atomic read, no GIL needed). */
static int finalizing(void) {
#if PY_VERSION_HEX >= 0x030D0000
    return Py_IsFinalizing();
#else
    return _Py_IsFinalizing();
#endif
}

static void on_unwind(void *arg) {
    (void)arg;
    unwound = 1;
}

static void *daemon_main(void *arg) {
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    pthread_cleanup_push(on_unwind, NULL);
    entered = 1;
    Py_BEGIN_ALLOW_THREADS
    /* The blocking call lasts until Py_FinalizeEx has begun, so that every run meets the window. */
    while (window ? !go : !finalizing()) {
        usleep(200);
    }
    Py_END_ALLOW_THREADS
    returned = 1; /* only if the thread got the GIL back after finalization began */
    pthread_cleanup_pop(0);
    PyGILState_Release(g);
    return NULL;
}

int main(int argc, char **argv) {
    window = argc > 1 && strcmp(argv[1], "window") == 0;
    Py_Initialize();
    pthread_t t;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&t, NULL, daemon_main, NULL);
    while (!entered) {
        usleep(100);
    }
    Py_END_ALLOW_THREADS
    go = 1;
    int fin = Py_FinalizeEx();
    void *res = (void *)1;
    pthread_join(t, &res);
    printf("{\"finalize\": %d, \"unwound\": %d, \"returned\": %d, \"exit_value_null\": %d}\n", fin, unwound, returned, res == NULL);
    return 0;
}
