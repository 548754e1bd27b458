package io.finalspec.toolkit.tlc;

/**
 * One message of TLC's {@code -tool} output: {@code @!@!@STARTMSG code:class @!@!@ body @!@!@ENDMSG code @!@!@}.
 * Text printed outside any message (SANY's diagnostics, stack traces) arrives with code
 * {@link #PLAIN}.
 */
public record ToolMessage(int code, int severity, String body) {

    public static final int PLAIN = -1;

    // Message codes of TLC 2.18 (tlc2.output.EC) that the runner interprets.
    public static final int GENERAL = 1000;
    public static final int INVARIANT_VIOLATED_INITIAL = 2107;
    /** A property's state predicate without [] false in an initial state ("Property P is violated by the initial state"). */
    public static final int PROPERTY_VIOLATED_INITIAL = 2108;
    public static final int INVARIANT_VIOLATED = 2110;
    /** A property's {@code [][A]_v} conjunct violated on a transition ("Action property P is violated."). */
    public static final int ACTION_PROPERTY_VIOLATED = 2112;
    public static final int DEADLOCK = 2114;
    public static final int TEMPORAL_VIOLATED = 2116;
    public static final int BEHAVIOR_FOLLOWS = 2121;
    public static final int BACK_TO_STATE = 2122;
    public static final int SUCCESS = 2193;
    public static final int SEARCH_DEPTH = 2194;
    public static final int STATS = 2199;
    public static final int PROGRESS = 2200;
    public static final int STATE = 2217;
    public static final int STUTTERING = 2218;
    public static final int FINISHED = 2186;
    public static final int PARSE_FAILED = 3002;

    public boolean isError() {
        return severity == 1;
    }
}
