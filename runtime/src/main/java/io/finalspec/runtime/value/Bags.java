package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The standard module Bags as TLC evaluates it: a bag is a function from its elements to their
 * (positive) numbers of copies, and TLC replaces each operator's TLA+ definition by Java code whose
 * answers on values that are not bags are what this class gives (an operator that TLC evaluates as
 * an error fails with a {@link TlaEvalException}); {@code SubBag}, which TLC evaluates from the
 * module's TLA+ definition, as that definition's value.
 */
public final class Bags {
    private Bags() {
    }

    /** {@code EmptyBag}: the function with an empty domain. */
    public static final Value EMPTY = Tla.EMPTY_SEQ;

    /**
     * {@code IsABag(b)}: whether every value of {@code b} is an integer above 0; FALSE, not an error,
     * when {@code b} is not a function (as TLC since 2018).
     */
    public static boolean isABag(Value b) {
        if (!(b instanceof FcnValue f)) {
            return false;
        }
        for (int i = 0; i < f.size(); i++) {
            if (!(f.valueAt(i) instanceof IntValue n) || n.value() <= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code BagToSet(b)}: the elements with a copy, {@code DOMAIN b}. */
    public static Value bagToSet(Value b) {
        return function("BagToSet", b).domain();
    }

    /** {@code SetToBag(s)}: one copy of each element of the finite set {@code s}. */
    public static Value setToBag(Value s) {
        SetValue set = Tla.asSet(s);
        set.requireFinite("apply SetToBag to");
        return Tla.fcn(set, e -> Tla.integer(1));
    }

    /** {@code BagIn(e, b)}: whether {@code b} has a copy of {@code e}. */
    public static boolean bagIn(Value e, Value b) {
        return count("BagIn", e, b) > 0;
    }

    /** {@code CopiesIn(e, b)}: the copies of {@code e} in {@code b}, 0 when none. */
    public static Value copiesIn(Value e, Value b) {
        return Tla.integer((int) count("CopiesIn", e, b));
    }

    /** {@code BagCardinality(b)}: the number of copies of all elements. */
    public static Value bagCardinality(Value b) {
        FcnValue f = function("BagCardinality", b);
        if (!isABag(f)) {
            throw new TlaEvalException("The operator BagCardinality is applied to a value that is not a bag:\n" + b);
        }
        long sum = 0;
        for (int i = 0; i < f.size(); i++) {
            sum += copies(f.valueAt(i));
        }
        return integer(sum, "BagCardinality");
    }

    /** {@code b1 (+) b2}: the copies of both; an error unless both are bags. */
    public static Value plus(Value b1, Value b2) {
        Copies copies = new Copies();
        copies.add(bag("first", "(+)", b1), 1);
        copies.add(bag("second", "(+)", b2), 1);
        return copies.bag("(+)", false);
    }

    /**
     * {@code b1 (-) b2}: the copies of {@code b1} less those of {@code b2}, elements left with none
     * dropped; both must be functions (TLC checks no more).
     */
    public static Value minus(Value b1, Value b2) {
        FcnValue f1 = functionArgument("first", "(-)", b1);
        FcnValue f2 = functionArgument("second", "(-)", b2);
        Copies copies = new Copies();
        copies.add(f1, 1);
        copies.subtractFromPresent(f2);
        return copies.bag("(-)", true);
    }

    /** {@code BagUnion(s)}: the copies of all the bags of the finite set {@code s} (each once). */
    public static Value bagUnion(Value s) {
        SetValue set = Tla.asSet(s);
        set.requireFinite("apply BagUnion to");
        Copies copies = new Copies();
        for (Value b : set) {
            if (!(b instanceof FcnValue f)) {
                throw new TlaEvalException("BagUnion is applied to a set with an element that is not a bag:\n" + s);
            }
            copies.add(f, 1);
        }
        return copies.bag("BagUnion", false);
    }

    /**
     * {@code BagOfAll(F, b)}: the bag of the images {@code F(e)} of the elements of {@code b}, each
     * with the copies of all elements of {@code b} that have that image. As TLC's code, it needs a
     * function (not a bag: its counts are added as they are) and applies F to each element once.
     */
    public static Value bagOfAll(Value b, Function<Value, Value> image) {
        FcnValue f = function("BagOfAll", b);
        Copies byImage = new Copies();
        for (int i = 0; i < f.size(); i++) {
            byImage.add(image.apply(f.keyAt(i)), copies(f.valueAt(i)));
        }
        return byImage.bag("BagOfAll", false);
    }

    /**
     * {@code SubBag(b)}: every bag with at most the copies {@code b} has of each element, the empty
     * bag included (TLC enumerates them from the module's recursive definition, which needs a bag).
     */
    public static Value subBag(Value b) {
        if (!isABag(b)) {
            throw new TlaEvalException("The operator SubBag is applied to a value that is not a bag:\n" + b);
        }
        FcnValue f = (FcnValue) b;
        int n = f.size();
        long total = 1;
        for (int i = 0; i < n; i++) {
            total *= copies(f.valueAt(i)) + 1;
            if (total > Integer.MAX_VALUE) {
                throw new TlaEvalException("SubBag of a bag with more than " + Integer.MAX_VALUE + " subbags:\n" + b);
            }
        }
        List<Value> subbags = new ArrayList<>((int) total);
        int[] taken = new int[n];   // copies of element i in the current subbag, an odometer over 0..b[i]
        do {
            List<Value> keys = new ArrayList<>();
            List<Value> counts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (taken[i] > 0) {
                    keys.add(f.keyAt(i));
                    counts.add(Tla.integer(taken[i]));
                }
            }
            subbags.add(Tla.fromPairs(keys.toArray(new Value[0]), counts.toArray(new Value[0])));
        } while (advance(taken, f));
        return Tla.setOf(subbags);
    }

    /** The next count vector of {@link #subBag}'s odometer; false after the last. */
    private static boolean advance(int[] taken, FcnValue f) {
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] < copies(f.valueAt(i))) {
                taken[i]++;
                return true;
            }
            taken[i] = 0;
        }
        return false;
    }

    /** {@code b1 \sqsubseteq b2}: whether {@code b2} has at least the copies {@code b1} has of each element. */
    public static boolean sqSubseteq(Value b1, Value b2) {
        FcnValue f1 = function("\\sqsubseteq", b1);
        FcnValue f2 = function("\\sqsubseteq", b2);
        for (int i = 0; i < f1.size(); i++) {
            int j = f2.indexOf(f1.keyAt(i));
            if (copies(f1.valueAt(i)) - (j < 0 ? 0 : copies(f2.valueAt(j))) > 0) {
                return false;
            }
        }
        return true;
    }

    private static long count(String op, Value e, Value b) {
        FcnValue f = function(op, b);
        int i = f.indexOf(e);
        if (i < 0) {
            return 0;
        }
        if (!(f.valueAt(i) instanceof IntValue n)) {
            throw new TlaEvalException("The second argument of " + op + " should be a bag, but instead it is:\n" + b);
        }
        return n.value();
    }

    /** {@code b} as the function {@code op} must be applied to. */
    private static FcnValue function(String op, Value b) {
        if (!(b instanceof FcnValue f)) {
            throw new TlaEvalException("The operator " + op + " is applied to a value that is not a function with a"
                    + " finite domain:\n" + b);
        }
        return f;
    }

    /** {@code b} as the function the {@code position} argument of {@code op} must be (TLC: "a bag"). */
    private static FcnValue functionArgument(String position, String op, Value b) {
        if (!(b instanceof FcnValue f)) {
            throw new TlaEvalException("The " + position + " argument of " + op + " should be a bag, but instead it is:\n" + b);
        }
        return f;
    }

    /** {@code b} as the bag the {@code position} argument of {@code op} must be. */
    private static FcnValue bag(String position, String op, Value b) {
        if (!isABag(b)) {
            throw new TlaEvalException("The " + position + " argument of " + op + " should be a bag, but instead it is:\n" + b);
        }
        return (FcnValue) b;
    }

    /** A count, which must be an integer (TLC fails on another value where it adds or subtracts). */
    private static long copies(Value v) {
        if (!(v instanceof IntValue n)) {
            throw new TlaEvalException("A bag's number of copies is not an integer: " + v);
        }
        return n.value();
    }

    private static Value integer(long n, String op) {
        if (n != (int) n) {
            throw new TlaEvalException("Overflow in " + op + ": " + n + " copies is outside TLC's integers");
        }
        return Tla.integer((int) n);
    }

    /**
     * Numbers of copies by element, in the order the elements were first met (TLA+ equality, by
     * {@link Value#equals}): what {@code (+)}, {@code (-)}, {@code BagUnion} and {@code BagOfAll} each
     * add up.
     */
    private static final class Copies {
        private final Map<Value, Long> byElement = new LinkedHashMap<>();

        /** Adds {@code sign} times the copies of each element of {@code f}. */
        void add(FcnValue f, int sign) {
            for (int i = 0; i < f.size(); i++) {
                add(f.keyAt(i), sign * copies(f.valueAt(i)));
            }
        }

        /** Adds {@code n} copies of {@code element}. */
        void add(Value element, long n) {
            byElement.merge(element, n, Long::sum);
        }

        /** Takes away the copies {@code f} has of the elements already counted (TLC reads no others). */
        void subtractFromPresent(FcnValue f) {
            for (Map.Entry<Value, Long> e : byElement.entrySet()) {
                int j = f.indexOf(e.getKey());
                if (j >= 0) {
                    e.setValue(e.getValue() - copies(f.valueAt(j)));
                }
            }
        }

        /** The function from the elements to their counts, those below 1 left out when {@code positiveOnly}. */
        Value bag(String op, boolean positiveOnly) {
            List<Value> keys = new ArrayList<>();
            List<Value> counts = new ArrayList<>();
            for (Map.Entry<Value, Long> e : byElement.entrySet()) {
                if (!positiveOnly || e.getValue() > 0) {
                    keys.add(e.getKey());
                    counts.add(integer(e.getValue(), op));
                }
            }
            return Tla.fromPairs(keys.toArray(new Value[0]), counts.toArray(new Value[0]));
        }
    }
}
