package io.finalspec.runtime.value;

/** TLC's 32-bit integer operators (Naturals/Integers), behind {@link Tla}. */
final class IntOps {
    private IntOps() {
    }

    static IntValue add(Value a, Value b) {
        int x = intArg(a, "+", 1);
        int y = intArg(b, "+", 2);
        int r = x + y;
        if (((x ^ r) & (y ^ r)) < 0) {
            throw overflow(x + "+" + y);
        }
        return IntValue.of(r);
    }

    static IntValue sub(Value a, Value b) {
        int x = intArg(a, "-", 1);
        int y = intArg(b, "-", 2);
        int r = x - y;
        if (((x ^ y) & (x ^ r)) < 0) {
            throw overflow(x + "-" + y);
        }
        return IntValue.of(r);
    }

    static IntValue mul(Value a, Value b) {
        int x = intArg(a, "*", 1);
        int y = intArg(b, "*", 2);
        long r = (long) x * y;
        if (r != (int) r) {
            throw overflow(x + "*" + y);
        }
        return IntValue.of((int) r);
    }

    /** {@code a \div b}: floor division, as TLC. */
    static IntValue div(Value a, Value b) {
        int x = intArg(a, "\\div", 1);
        int y = intArg(b, "\\div", 2);
        if (y == 0) {
            throw new TlaEvalException("The second argument of \\div is 0.");
        }
        if (x == Integer.MIN_VALUE && y == -1) {
            throw overflow(x + " \\div " + y);
        }
        return IntValue.of(Math.floorDiv(x, y));
    }

    /** {@code a % b}: requires {@code b > 0}; the result is in {@code 0..b-1}. */
    static IntValue mod(Value a, Value b) {
        int x = intArg(a, "%", 1);
        int y = intArg(b, "%", 2);
        if (y <= 0) {
            throw new TlaEvalException("The second argument of % should be a positive number, but instead it is:\n" + y);
        }
        return IntValue.of(Math.floorMod(x, y));
    }

    /** {@code a ^ b}. */
    static IntValue pow(Value a, Value b) {
        int x = intArg(a, "^", 1);
        int y = intArg(b, "^", 2);
        if (y < 0) {
            throw new TlaEvalException("The second argument of ^ should be a natural number, but instead it is:\n" + y);
        }
        if (x == 0 && y == 0) {
            throw new TlaEvalException("0^0 is undefined.");
        }
        long r = 1;
        for (int i = 0; i < y; i++) {
            r *= x;
            if (r != (int) r) {
                throw overflow(x + "^" + y);
            }
            if (r == 0 || r == 1) {
                break;
            }
        }
        if (r == 1 && x == -1 && (y & 1) == 1) {
            r = -1;
        }
        return IntValue.of((int) r);
    }

    /** Unary {@code -a}. */
    static IntValue neg(Value a) {
        int x = intArg(a, "-", 1);
        if (x == Integer.MIN_VALUE) {
            throw overflow("-" + x);
        }
        return IntValue.of(-x);
    }

    static boolean lt(Value a, Value b) {
        return intArg(a, "<", 1) < intArg(b, "<", 2);
    }

    static boolean le(Value a, Value b) {
        return intArg(a, "<=", 1) <= intArg(b, "<=", 2);
    }

    static boolean gt(Value a, Value b) {
        return intArg(a, ">", 1) > intArg(b, ">", 2);
    }

    static boolean ge(Value a, Value b) {
        return intArg(a, ">=", 1) >= intArg(b, ">=", 2);
    }

    static TlaEvalException overflow(String what) {
        return new TlaEvalException("Overflow when computing " + what);
    }

    static int intArg(Value v, String op, int pos) {
        if (v instanceof IntValue i) {
            return i.value();
        }
        throw new TlaEvalException("The " + (pos == 1 ? "first" : "second") + " argument of " + op
                + " should be an integer, but instead it is:\n" + v);
    }

}
