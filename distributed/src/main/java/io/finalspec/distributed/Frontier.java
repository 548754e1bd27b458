package io.finalspec.distributed;

/**
 * The states of one breadth-first level that a member owns, packed back to back as
 * {@code fingerprint (8 bytes), length, state bytes}: the member's share of the queue costs the
 * states' encoded size, not an object graph per state. Appended to by the delivery threads
 * (synchronized), read by the member's one expanding thread after the level's barrier.
 */
final class Frontier {
    private final ByteBuf buf = new ByteBuf(1 << 12);
    private long count;

    synchronized void add(long fp, byte[] state, int from, int len) {
        buf.putLong(fp);
        buf.putVarInt(len);
        buf.put(state, from, len);
        count++;
    }

    synchronized long count() {
        return count;
    }

    synchronized long bytes() {
        return buf.size();
    }

    /**
     * The records from byte {@code from} on, whole records only, as many as fit in {@code maxBytes}
     * (at least one): a checkpoint pulls the frontier in slices of this form. Empty at the end.
     * Only once no one appends.
     */
    synchronized byte[] slice(int from, int maxBytes) {
        byte[] data = buf.array();
        int size = buf.size();
        int end = from;
        int[] pos = {from};
        while (pos[0] < size) {
            pos[0] += Long.BYTES;
            int len = ByteBuf.getVarInt(data, pos);
            pos[0] += len;
            if (end > from && pos[0] - from > maxBytes) {
                break;
            }
            end = pos[0];
        }
        return java.util.Arrays.copyOfRange(data, from, end);
    }

    /** Calls {@code visitor} for each state in order of arrival; only once no one appends. */
    void forEach(Visitor visitor) {
        byte[] data;
        int size;
        synchronized (this) {
            data = buf.array();
            size = buf.size();
        }
        int[] pos = {0};
        while (pos[0] < size) {
            long fp = ByteBuf.getLong(data, pos[0]);
            pos[0] += Long.BYTES;
            int len = ByteBuf.getVarInt(data, pos);
            if (!visitor.visit(fp, data, pos[0])) {
                return;
            }
            pos[0] += len;
        }
    }

    /** One state of a frontier; false stops the walk. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(long fp, byte[] data, int at);
    }
}
