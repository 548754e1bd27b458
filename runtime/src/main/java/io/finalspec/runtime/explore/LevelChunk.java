package io.finalspec.runtime.explore;

import java.util.Arrays;

import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;

/**
 * A run of states of one breadth-first level with their fingerprints, appended by one worker and
 * read by all in the next level. With a {@link StateCodec} the states are packed as words in one
 * {@code long[]} (a handful of bytes each, decoded when expanded), except those the codec declines
 * (a queue longer than its slots), kept as objects beside; without one they are all kept as
 * objects. The fingerprint is stored, so it is computed once per state.
 */
final class LevelChunk {
    private final StateCodec codec;
    private final int words;
    private State[] states;
    private long[] packed;
    private long[] fps;
    /** With a codec: the states it declined, at their index (null until the first). */
    private State[] declined;
    /**
     * Whether every stored fingerprint is its state's own (not that of a VIEW or a symmetry's
     * representative), so a decoded state can take it instead of computing it again.
     */
    private boolean ownFingerprints = true;
    private int size;

    LevelChunk(StateCodec codec, int capacity) {
        this.codec = codec;
        this.words = codec == null ? 0 : codec.words();
        int cap = Math.max(4, capacity);
        this.fps = new long[cap];
        if (codec == null) {
            states = new State[cap];
        } else {
            packed = new long[cap * words];
        }
    }

    void add(State s, long fp) {
        add(s, fp, null, null, 0);
    }

    /**
     * Adds {@code s}, a successor of {@code parent}, the state at index {@code parentIndex} of
     * {@code from} (null when it was not read from a chunk): where {@code parent} waited packed by
     * this chunk's codec, the variables {@code s} shares with it are copied from its words.
     */
    void add(State s, long fp, State parent, LevelChunk from, int parentIndex) {
        if (size == fps.length) {
            int cap = size * 2;
            fps = Arrays.copyOf(fps, cap);
            if (codec == null) {
                states = Arrays.copyOf(states, cap);
            } else {
                packed = Arrays.copyOf(packed, cap * words);
                if (declined != null) {
                    declined = Arrays.copyOf(declined, cap);
                }
            }
        }
        fps[size] = fp;
        ownFingerprints &= fp == s.fingerprint();
        if (codec == null) {
            states[size] = s;
        } else if (!encode(s, parent, from, parentIndex)) {
            if (declined == null) {
                declined = new State[fps.length];
            }
            declined[size] = s;
        }
        size++;
    }

    private boolean encode(State s, State parent, LevelChunk from, int parentIndex) {
        if (parent != null && from != null && from.codec == codec && from.packedAt(parentIndex)) {
            return codec.encode(s, packed, size * words, parent, from.packed, parentIndex * words);
        }
        return codec.encode(s, packed, size * words);
    }

    /** Whether state {@code i} waits as words (not as an object: no codec, or declined by it). */
    private boolean packedAt(int i) {
        return codec != null && (declined == null || declined[i] == null);
    }

    int size() {
        return size;
    }

    /**
     * This chunk emptied for another level whose codec is {@code next}, its arrays kept (at the
     * size they grew to), or null when it stored its states another way: a level expanded gives its
     * chunks to the level after next, so the frontier's arrays are allocated once, not per level,
     * and the young generation holds only what one expansion makes.
     */
    LevelChunk reusedFor(StateCodec next) {
        if (next != codec) {
            return null;
        }
        if (states != null) {
            Arrays.fill(states, 0, size, null);
        }
        declined = null;
        ownFingerprints = true;
        size = 0;
        return this;
    }

    State state(int i) {
        if (codec == null) {
            return states[i];
        }
        State kept = declined == null ? null : declined[i];
        if (kept != null) {
            return kept;
        }
        return ownFingerprints ? codec.decode(packed, i * words, fps[i]) : codec.decode(packed, i * words);
    }

    /**
     * State {@code i}, read after {@code previous}, the state this chunk gave for index
     * {@code previousIndex} in this level (or null): where both wait packed, the variables whose
     * bits they share take {@code previous}'s value objects (see {@link StateCodec#decodeAfter}).
     */
    State state(int i, State previous, int previousIndex) {
        if (previous == null || !packedAt(i) || !packedAt(previousIndex)) {
            return state(i);
        }
        int at = i * words;
        int previousAt = previousIndex * words;
        return ownFingerprints
                ? codec.decodeAfter(packed, at, fps[i], previous, packed, previousAt)
                : codec.decodeAfter(packed, at, previous, packed, previousAt);
    }

    long fingerprint(int i) {
        return fps[i];
    }
}
