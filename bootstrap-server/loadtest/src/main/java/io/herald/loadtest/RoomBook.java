package io.herald.loadtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One room's messages as this tool sent them and as the server numbered them. Each send is booked before it
 * leaves, then answered by room_sent or refused by an error frame naming it. Every message a member receives is
 * checked against the first copy anyone received at that offset: two members told different things about one
 * offset, one messageId under two offsets, a room_sent that disagrees with the copies, or another epoch is a
 * mismatch. Thread-safe: members on every callback thread check in here.
 */
final class RoomBook {
    private static final int KEPT_EXAMPLES = 5;
    private static final long NO_EPOCH = Long.MIN_VALUE;

    /** Why a message was sent: while everybody listens, while some are away, or to see live delivery resume. */
    enum Phase {
        LIVE("L"), MISSED("M"), AFTER("A");

        private final String tag;

        Phase(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    /** One send and what the server said to it; {@code offset} stays empty until room_sent comes. */
    record Send(String clientMessageId, Phase phase, long sentNanos, OptionalLong offset, String messageId,
            String refusal) {
        boolean refused() {
            return refusal != null;
        }

        Send answer(long at, String id) {
            return new Send(clientMessageId, phase, sentNanos, OptionalLong.of(at), id, refusal);
        }

        Send refuse(String reason) {
            return new Send(clientMessageId, phase, sentNanos, offset, messageId, reason);
        }
    }

    /** The message at one offset as the first member to receive it saw it. */
    private record Copy(String messageId, String text) {}

    private final String roomId;
    private final Map<String, Send> sends = new ConcurrentHashMap<>();
    private final Map<Long, Copy> copies = new ConcurrentHashMap<>();
    private final Map<String, Long> offsetOfMessageId = new ConcurrentHashMap<>();
    private final Map<String, Long> offsetOfText = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong(NO_EPOCH);
    private final AtomicInteger mismatches = new AtomicInteger();
    private final List<String> examples = new ArrayList<>();

    RoomBook(String roomId) {
        this.roomId = roomId;
    }

    String roomId() {
        return roomId;
    }

    /** The epoch every subscription must report; the first one fixes it. */
    void subscribed(Frame.RoomSubscribed answer) {
        long before = epoch.compareAndExchange(NO_EPOCH, answer.epoch());
        if (before != NO_EPOCH && before != answer.epoch()) {
            mismatch("room_subscribed with epoch " + answer.epoch() + " where an earlier one said " + before);
        }
    }

    OptionalLong epoch() {
        long known = epoch.get();
        return known == NO_EPOCH ? OptionalLong.empty() : OptionalLong.of(known);
    }

    /** Booked before the frame leaves, so that no copy can arrive for a send the book does not know. */
    void sent(String clientMessageId, Phase phase, long sentNanos) {
        sends.put(clientMessageId, new Send(clientMessageId, phase, sentNanos, OptionalLong.empty(), null, null));
    }

    void answered(Frame.RoomSent answer) {
        String id = answer.clientMessageId();
        Send send = id == null ? null : sends.computeIfPresent(id, (key, known) -> known.answer(answer.offset(),
                answer.messageId()));
        if (send == null) {
            mismatch("room_sent for a send never made: clientMessageId " + id + " offset " + answer.offset());
            return;
        }
        if (answer.repeated()) {
            mismatch("room_sent repeated:true for the first send of " + id);
        }
        checkEpoch(answer.epoch(), "room_sent for " + id);
        check(answer.offset(), new Copy(answer.messageId(), id), "room_sent for " + id);
    }

    void refused(String clientMessageId, String reason) {
        sends.computeIfPresent(clientMessageId, (key, known) -> known.refuse(reason));
    }

    /**
     * Checks one received copy against the first copy of its offset and of its messageId; returns the offset its
     * messageId was first seen at, which differs from its own only after a mismatch.
     */
    long received(Frame.RoomMessage message) {
        checkEpoch(message.epoch(), "room_message at offset " + message.offset());
        return check(message.offset(), new Copy(message.messageId(), message.text()), "room_message");
    }

    Collection<Send> sends() {
        return List.copyOf(sends.values());
    }

    /** Offsets of the sends the server answered and did not refuse: what every present member is owed so far. */
    long[] answeredOffsets() {
        return sends.values().stream().filter(send -> !send.refused() && send.offset().isPresent())
                .mapToLong(send -> send.offset().getAsLong()).toArray();
    }

    /** Where a send was stored: room_sent's word, else where its copies arrived; empty if neither is known. */
    OptionalLong offsetOf(Send send) {
        if (send.offset().isPresent()) {
            return send.offset();
        }
        Long seen = offsetOfText.get(send.clientMessageId());
        return seen == null ? OptionalLong.empty() : OptionalLong.of(seen);
    }

    /** The text (clientMessageId) of the first copy received at {@code offset}, or null if none arrived. */
    String textAt(long offset) {
        Copy copy = copies.get(offset);
        return copy == null ? null : copy.text();
    }

    int mismatches() {
        return mismatches.get();
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    private long check(long offset, Copy copy, String what) {
        Copy first = copies.putIfAbsent(offset, copy);
        if (first != null && !first.equals(copy)) {
            mismatch(what + " at offset " + offset + " is " + copy + " but an earlier copy was " + first);
        }
        Long firstOffset = offsetOfMessageId.putIfAbsent(copy.messageId(), offset);
        if (firstOffset != null && firstOffset != offset) {
            mismatch(what + ": messageId " + copy.messageId() + " at offset " + offset + " was at offset "
                    + firstOffset + " before");
        }
        if (copy.text() != null) {
            offsetOfText.putIfAbsent(copy.text(), offset);
        }
        return firstOffset == null ? offset : firstOffset;
    }

    private void checkEpoch(long seen, String what) {
        long known = epoch.get();
        if (known != NO_EPOCH && known != seen) {
            mismatch(what + " has epoch " + seen + ", the room's is " + known);
        }
    }

    private void mismatch(String example) {
        mismatches.incrementAndGet();
        synchronized (this) {
            if (examples.size() < KEPT_EXAMPLES) {
                examples.add(roomId + ": " + example);
            }
        }
    }
}
