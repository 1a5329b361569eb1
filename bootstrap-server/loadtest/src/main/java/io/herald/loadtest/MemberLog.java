package io.herald.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongConsumer;

/**
 * What one member received from its room, checked copy by copy as it arrives. A second copy of an offset, or of a
 * messageId already received under another offset, is a duplicate; a copy below the highest offset received came
 * out of order; one above the highest plus one skipped ahead (a gap: what it skipped arrives late or is lost). A
 * copy of another room, or at or below where the member subscribed, was never owed to it. Copies that arrive
 * between a {@code room_subscribe} with a position and its {@code room_subscribed} are the replay and are kept
 * apart from live ones. Arrival times are kept by offset in an array (a 1,000-member room with a thousand messages
 * is a million of them), so an offset past anything the run can have sent is a stray too, not a reason to grow it.
 * Thread-safe.
 */
final class MemberLog {
    private static final long NONE = Long.MIN_VALUE;

    private final String roomId;
    private final long capacity;
    private long[] arrivals = new long[64];
    private final BitSet replayed = new BitSet();
    private long subscribedAfter;
    private long highest;
    private long contiguous;
    private long epoch;
    private boolean replaying;
    private final List<Long> replayOffsets = new ArrayList<>();
    private long lastReplayNanos = NONE;
    private int duplicated;
    private int outOfOrder;
    private int gaps;
    private int strays;

    /** {@code capacity}: how many messages the run sends to the room at most. */
    MemberLog(String roomId, long capacity) {
        this.roomId = roomId;
        this.capacity = capacity;
        Arrays.fill(arrivals, NONE);
    }

    /** The first subscription: the member is owed every message after the head it was told. */
    synchronized void subscribed(long head, long roomEpoch) {
        subscribedAfter = head;
        highest = head;
        contiguous = head;
        epoch = roomEpoch;
    }

    /** Where a client would resume: the last offset up to which it has everything. */
    synchronized SeenPosition position() {
        return new SeenPosition(contiguous, epoch);
    }

    /** Copies from now until {@link #endReplay()} are the replay of what was missed. */
    synchronized void beginReplay() {
        replaying = true;
        replayOffsets.clear();
        lastReplayNanos = NONE;
    }

    synchronized void endReplay() {
        replaying = false;
    }

    /** {@code firstOffsetOfId}: where the room's book first saw this copy's messageId. */
    synchronized void receive(Frame.RoomMessage message, long firstOffsetOfId, long atNanos) {
        if (!roomId.equals(message.roomId())) {
            strays++;
            return;
        }
        long offset = message.offset();
        if (replaying) {
            replayOffsets.add(offset);
            lastReplayNanos = atNanos;
        }
        if (offset <= subscribedAfter || offset > subscribedAfter + capacity || offset >= Integer.MAX_VALUE) {
            strays++;
            return;
        }
        if (arrived(offset) || firstOffsetOfId != offset && arrived(firstOffsetOfId)) {
            duplicated++;
            return;
        }
        if (offset < highest) {
            outOfOrder++;
        } else if (offset > highest + 1) {
            gaps++;
        }
        highest = Math.max(highest, offset);
        record(offset, atNanos);
        while (arrived(contiguous + 1)) {
            contiguous++;
        }
    }

    /** When the copy at {@code offset} first arrived, if it did. */
    synchronized OptionalLong arrival(long offset) {
        return arrived(offset) ? OptionalLong.of(arrivals[(int) offset]) : OptionalLong.empty();
    }

    synchronized boolean replayed(long offset) {
        return replayed.get((int) offset);
    }

    /** How many of {@code offsets} have not arrived yet. */
    synchronized int missing(long[] offsets) {
        int missing = 0;
        for (long offset : offsets) {
            if (!arrived(offset)) {
                missing++;
            }
        }
        return missing;
    }

    /** Every offset a copy was kept for, in offset order. */
    synchronized void forEachReceived(LongConsumer action) {
        for (int offset = 0; offset < arrivals.length; offset++) {
            if (arrivals[offset] != NONE) {
                action.accept(offset);
            }
        }
    }

    /** The offsets of the last replay, in the order they came, duplicates and strays included. */
    synchronized List<Long> replayOffsets() {
        return List.copyOf(replayOffsets);
    }

    synchronized OptionalLong lastReplayNanos() {
        return lastReplayNanos == NONE ? OptionalLong.empty() : OptionalLong.of(lastReplayNanos);
    }

    synchronized int duplicated() {
        return duplicated;
    }

    synchronized int outOfOrder() {
        return outOfOrder;
    }

    synchronized int gaps() {
        return gaps;
    }

    /** Copies of another room, or of offsets from before the member subscribed: never owed to it. */
    synchronized int strays() {
        return strays;
    }

    private boolean arrived(long offset) {
        return offset >= 0 && offset < arrivals.length && arrivals[(int) offset] != NONE;
    }

    private void record(long offset, long atNanos) {
        if (offset >= arrivals.length) {
            int old = arrivals.length;
            arrivals = Arrays.copyOf(arrivals, (int) Math.min(Integer.MAX_VALUE, Math.max(offset + 1, 2L * old)));
            Arrays.fill(arrivals, old, arrivals.length, NONE);
        }
        arrivals[(int) offset] = atNanos;
        if (replaying) {
            replayed.set((int) offset);
        }
    }
}
