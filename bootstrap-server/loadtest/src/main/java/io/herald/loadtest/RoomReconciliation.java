package io.herald.loadtest;

import java.util.OptionalLong;

/**
 * Every message of every room against every member of that room, over the whole run. {@code expected} is sends not
 * refused × members; each is {@code delivered} (live or, for members who were away, {@code replayed}) or
 * {@code lost}. {@code duplicated}, {@code outOfOrder}, {@code gaps} and {@code unexpected} count copies as they
 * came; {@code mismatched} counts copies or answers that contradict another about one offset, messageId or epoch.
 * {@code live} times each live copy from its send; {@code sendToLast} times each message delivered live to every
 * member from its send to the last member. The rate is of the first phase's messages: from its first send to the
 * last of their live copies.
 */
record RoomReconciliation(long expected, long delivered, long replayed, long lost, long duplicated, long outOfOrder,
        long gaps, long unexpected, long mismatched, LatencySummary live, LatencySummary sendToLast,
        long liveDelivered, OptionalLong firstLiveSentNanos, OptionalLong lastLiveArrivalNanos) {

    boolean clean() {
        return lost == 0 && duplicated == 0 && outOfOrder == 0 && unexpected == 0 && mismatched == 0;
    }

    /** Copies per second of the live phase's messages, or {@code n/a} if none arrived. */
    String liveRate() {
        return firstLiveSentNanos.isEmpty() || lastLiveArrivalNanos.isEmpty() ? "n/a"
                : ResultLine.rate(liveDelivered, lastLiveArrivalNanos.getAsLong() - firstLiveSentNanos.getAsLong());
    }

    String describe() {
        return "expected " + expected + ", delivered " + delivered + " (" + replayed + " by replay), lost " + lost
                + ", duplicated " + duplicated + ", out of order " + outOfOrder + " (gaps " + gaps + "), unexpected "
                + unexpected + ", mismatched " + mismatched;
    }
}
