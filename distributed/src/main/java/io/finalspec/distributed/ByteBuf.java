package io.finalspec.distributed;

import java.util.Arrays;

/**
 * A growable byte array with the few encodings a batch needs: fixed 8-byte fingerprints and
 * variable-length lengths. Not thread-safe; {@link Frontier} guards its own.
 */
final class ByteBuf {
    private byte[] data;
    private int size;

    ByteBuf(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, size);
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    void putLong(long v) {
        ensure(Long.BYTES);
        putLongAt(data, size, v);
        size += Long.BYTES;
    }

    void putVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            data[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[size++] = (byte) v;
    }

    void put(byte[] b, int from, int len) {
        ensure(len);
        System.arraycopy(b, from, data, size, len);
        size += len;
    }

    static void putLongAt(byte[] to, int at, long v) {
        for (int b = 0; b < Long.BYTES; b++) {
            to[at + b] = (byte) (v >>> (8 * b));
        }
    }

    static long getLong(byte[] from, int at) {
        long v = 0;
        for (int b = 0; b < Long.BYTES; b++) {
            v |= (from[at + b] & 0xFFL) << (8 * b);
        }
        return v;
    }

    /** Reads a variable-length int at {@code pos[0]}, advancing it. */
    static int getVarInt(byte[] from, int[] pos) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = from[pos[0]++];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("bad length in a batch");
    }
}
