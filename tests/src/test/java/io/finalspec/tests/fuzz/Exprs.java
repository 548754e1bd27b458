package io.finalspec.tests.fuzz;

/** TLA+ literals. */
final class Exprs {

    private Exprs() {
    }

    static String intLit(int i) {
        return i < 0 ? "(" + i + ")" : String.valueOf(i);
    }

    /** The pool holds only letters, digits and spaces, so no escape is needed. */
    static String strLit(String s) {
        return "\"" + s + "\"";
    }
}
