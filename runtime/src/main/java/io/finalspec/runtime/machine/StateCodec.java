package io.finalspec.runtime.machine;

/**
 * A fixed-width encoding of a machine's states as {@code long} words, for explorers that keep many
 * states waiting (the breadth-first frontier): a state waits as a few words in one packed array
 * instead of an object graph of values. A typed machine (enumerations as ordinals, bit sets,
 * bounded integers; the compact state vector of SPIN or LTSmin) can offer one; the generic
 * {@code Value} representation has none, and its states wait as objects.
 *
 * <p>The contract: {@code decode(encode(s))} equals {@code s} (TLA+ equality, variable by variable)
 * and has the same {@link State#fingerprint()}; encoding and decoding are thread-safe.
 */
public interface StateCodec {

    /** Words per state. */
    int words();

    /**
     * Writes {@code state} into {@code into[at .. at + words())} and returns true; or returns false,
     * those words left zero, when the state is of the codec's types but beyond its capacity (a
     * sequence longer than the slots an encoding of fixed width gave it): the caller keeps that
     * state as an object.
     */
    boolean encode(State state, long[] into, int at);

    /**
     * As {@link #encode(State, long[], int)}, for a successor of {@code parent}, which this codec
     * encoded at {@code parentWords[parentAt .. parentAt + words())}: a codec may copy the bits of
     * the variables {@code state} shares with {@code parent} (the same objects) instead of
     * encoding them again. The words written are the same.
     */
    default boolean encode(State state, long[] into, int at, State parent, long[] parentWords, int parentAt) {
        return encode(state, into, at);
    }

    /** Whether {@link #encode} may return false; when not, every state of the codec's types fits. */
    default boolean mayDecline() {
        return false;
    }

    /** The state written at {@code from[at .. at + words())}. */
    State decode(long[] from, int at);

    /**
     * The state written at {@code from[at .. at + words())}, whose {@link State#fingerprint()} the
     * caller knows to be {@code fingerprint} (it stored the fingerprint of the state it encoded
     * there): a codec may give it to the state instead of computing it again from the values.
     */
    default State decode(long[] from, int at, long fingerprint) {
        return decode(from, at);
    }

    /**
     * As {@link #decode(long[], int)}, after {@code previous}, which this codec decoded from
     * {@code previousWords[previousAt .. previousAt + words())}: a codec may give the state the
     * previous state's own value objects for the variables whose bits are the same, instead of
     * decoding them again (consecutive states of a level are often siblings that differ in one or
     * two variables). The state is equal to the one {@link #decode(long[], int)} returns.
     */
    default State decodeAfter(long[] from, int at, State previous, long[] previousWords, int previousAt) {
        return decode(from, at);
    }

    /** As {@link #decodeAfter(long[], int, State, long[], int)}, with the fingerprint known as in {@link #decode(long[], int, long)}. */
    default State decodeAfter(long[] from, int at, long fingerprint, State previous, long[] previousWords, int previousAt) {
        return decode(from, at, fingerprint);
    }
}
