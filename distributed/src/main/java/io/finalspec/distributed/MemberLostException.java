package io.finalspec.distributed;

/**
 * A member of a run left the cluster (killed, crashed, cut off) before the run ended. Its states
 * and their parents were only on that member, so the run stops without a result: no count is
 * reported, never a wrong one.
 */
public final class MemberLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MemberLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
