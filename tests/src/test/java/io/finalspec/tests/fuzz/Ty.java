package io.finalspec.tests.fuzz;

import java.util.List;

/**
 * The types of generated TLA+ expressions. Expressions are generated for a type, so that a
 * generated spec is type-correct and TLC evaluates it without error (errors stay possible where
 * only a value decides, e.g. CHOOSE over a filtered set: the guards around those make them rare).
 */
sealed interface Ty {

    enum Kind { INT, BOOL, STR, MV, SET, REC, FUN, SEQ }

    Kind kind();

    record IntT() implements Ty {
        public Kind kind() {
            return Kind.INT;
        }
    }

    record BoolT() implements Ty {
        public Kind kind() {
            return Kind.BOOL;
        }
    }

    record StrT() implements Ty {
        public Kind kind() {
            return Kind.STR;
        }
    }

    /** Model values of the constant {@code Procs}. */
    record MvT() implements Ty {
        public Kind kind() {
            return Kind.MV;
        }
    }

    record SetT(Ty elem) implements Ty {
        public Kind kind() {
            return Kind.SET;
        }
    }

    record RecT(List<String> fields, List<Ty> types) implements Ty {
        public Kind kind() {
            return Kind.REC;
        }
    }

    /** A function over a known finite domain (so that {@code f[d]} can pick a {@code d} in it). */
    record FunT(Dom domain, Ty range) implements Ty {
        public Kind kind() {
            return Kind.FUN;
        }
    }

    record SeqT(Ty elem) implements Ty {
        public Kind kind() {
            return Kind.SEQ;
        }
    }

    Ty INT = new IntT();
    Ty BOOL = new BoolT();
    Ty STR = new StrT();
    Ty MV = new MvT();
}
