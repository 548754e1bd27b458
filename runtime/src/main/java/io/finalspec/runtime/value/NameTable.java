package io.finalspec.runtime.value;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One machine's order of strings and model values: TLC's, which is the order in which names were
 * first put into TLC's {@code UniqueString} table, not the alphabet. The code generator computes
 * the names TLC interns before checking a spec (its own keywords and operator names, the modules'
 * identifiers, the spec's tokens, the config's model values, the string literals; see codegen's
 * {@code NameOrder}) and the machine builds its table from them. A name first met while running
 * (a {@code ToString} result, a string read from a trace) gets the next rank, as it would in TLC,
 * whose table also grows during the run.
 *
 * <p>Every {@link StrValue} and {@link ModelValue} comes from a table and carries its rank; values
 * of one machine must come from that machine's table ({@link io.finalspec.runtime.machine.Machine#names()}).
 * Readers of values (ITF, TLC's printed values) take the table they build into. The table is an
 * instance, never a global: two machines in one JVM keep their own orders. Thread-safe.
 */
public final class NameTable {
    private final ConcurrentHashMap<String, Integer> ranks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StrValue> strings = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ModelValue> models = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    /** The names the table was built with, by rank: the same in every JVM that builds this table. */
    private final String[] fixed;

    /** A table with {@code names} ranked in list order (repeats keep their first rank). */
    public NameTable(List<String> names) {
        List<String> first = new java.util.ArrayList<>();
        for (String n : names) {
            if (!ranks.containsKey(n)) {
                first.add(n);
            }
            rank(n);
        }
        fixed = first.toArray(new String[0]);
    }

    /**
     * The rank of {@code name} when it is one of the names the table was built with, else -1. Such a
     * rank means the same name in every table built from the same list (another JVM running the same
     * machine); a name first met while running may have another rank there.
     */
    public int fixedRank(String name) {
        Integer r = ranks.get(name);
        return r != null && r < fixed.length ? r : -1;
    }

    /** The name of fixed rank {@code rank} (see {@link #fixedRank}). */
    public String fixedName(int rank) {
        if (rank < 0 || rank >= fixed.length) {
            throw new IllegalArgumentException("no name of fixed rank " + rank + " (the table was built with " + fixed.length + ")");
        }
        return fixed[rank];
    }

    /** An empty table: names are ranked in the order they are first used. */
    public NameTable() {
        this(List.of());
    }

    /** A table from names separated by line breaks (how generated code stores them). */
    public static NameTable ofLines(String names) {
        return new NameTable(names.isEmpty() ? List.of() : List.of(names.split("\n", -1)));
    }

    int rank(String name) {
        Integer r = ranks.get(name);
        return r != null ? r : ranks.computeIfAbsent(name, k -> next.getAndIncrement());
    }

    /** The TLA+ string {@code s}. */
    public StrValue str(String s) {
        if (s == null) {
            throw new TlaEvalException("string value must not be null");
        }
        StrValue v = strings.get(s);
        return v != null ? v : strings.computeIfAbsent(s, k -> new StrValue(k, rank(k), this));
    }

    /** The model value named {@code name}. */
    public ModelValue modelValue(String name) {
        if (name == null || name.isEmpty()) {
            throw new TlaEvalException("a model value needs a name");
        }
        ModelValue v = models.get(name);
        return v != null ? v : models.computeIfAbsent(name, k -> new ModelValue(k, rank(k), this));
    }

    /** {@code [n1 |-> v1, ...]}; names in any order, duplicates are an error. */
    public FcnValue record(String[] names, Value[] vals) {
        if (names.length != vals.length) {
            throw new TlaEvalException("record: " + names.length + " names but " + vals.length + " values");
        }
        StrValue[] keys = new StrValue[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = str(names[i]);
        }
        return Tla.fromPairs(keys, vals);
    }

    /** The field names of a record constructor, sorted once in this table's order ({@link RecordShape}). */
    public RecordShape shape(String... names) {
        StrValue[] keys = new StrValue[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = str(names[i]);
        }
        return new RecordShape(keys);
    }

    /** {@code [n1 : S1, ...]}, lazy. */
    public SetValue recordSet(String[] names, Value[] sets) {
        if (names.length != sets.length) {
            throw new TlaEvalException("recordSet: " + names.length + " names but " + sets.length + " sets");
        }
        StrValue[] keys = new StrValue[names.length];
        for (int i = 0; i < names.length; i++) {
            keys[i] = str(names[i]);
        }
        return Tla.recordSet(keys, sets);
    }

    /** TLC's {@code ToString(v)}. */
    public StrValue toStringValue(Value v) {
        return str(v.toString());
    }
}
