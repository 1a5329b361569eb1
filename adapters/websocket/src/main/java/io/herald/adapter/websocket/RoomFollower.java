package io.herald.adapter.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's subscription to one room: writes the room's messages to its socket in offset order, each once.
 * Until it is started it holds what comes live; once started, a message that arrives ahead of one still missing
 * (sent by another node, which raced) waits until the missing one comes, or until {@code gapWait} has passed, when
 * what waits goes out anyway: a message is never held back for long for the sake of order.
 */
final class RoomFollower {
    private static final Logger LOG = LoggerFactory.getLogger(RoomFollower.class);
    /** More than this waiting, and order gives way: the oldest is sent as if its gap had timed out. */
    static final int MAX_HELD = 4_096;

    private final Sink socket;
    private final Consumer<RoomFollower> gapTimer;
    private final TreeMap<Long, ByteBuf> held = new TreeMap<>();
    private boolean started;
    private boolean closed;
    private boolean timerSet;
    private long delivered;

    /** Where the frames go: a socket, which takes ownership of each frame written to it. */
    interface Sink {
        boolean isOpen();

        void write(ByteBuf frame);
    }

    /** @param gapTimer arranges one later call of {@link #gapTimedOut} for this follower */
    RoomFollower(Sink socket, Consumer<RoomFollower> gapTimer) {
        this.socket = socket;
        this.gapTimer = gapTimer;
    }

    /** A live message; {@code frame} is this follower's own reference, released here one way or another. */
    synchronized void offer(long offset, ByteBuf frame) {
        if (closed || started && offset <= delivered || held.containsKey(offset)) {
            frame.release();
            return;
        }
        if (started && offset == delivered + 1) {
            write(frame);
            delivered = offset;
            drainInOrder();
            return;
        }
        held.put(offset, frame);
        if (held.size() > MAX_HELD) {
            releaseGap();
        } else if (started) {
            armTimer();
        }
    }

    /** Writes {@code first} (the replay, then the answer), then what waited beyond {@code through}, then goes live. */
    synchronized void start(List<String> first, long through) {
        if (closed) {
            return;
        }
        first.forEach(frame -> write(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)));
        started = true;
        delivered = through;
        held.headMap(through, true).values().forEach(ByteBuf::release);
        held.headMap(through, true).clear();
        drainInOrder();
        if (!held.isEmpty()) {
            armTimer();
        }
    }

    synchronized void gapTimedOut() {
        timerSet = false;
        if (started && !held.isEmpty()) {
            releaseGap();
        }
    }

    synchronized void close() {
        closed = true;
        held.values().forEach(ByteBuf::release);
        held.clear();
    }

    /** Gives up waiting for what is missing before the oldest held message, and sends on from there. */
    private void releaseGap() {
        Map.Entry<Long, ByteBuf> oldest = held.pollFirstEntry();
        if (started) {
            LOG.debug("offsets {} to {} never came; sending on", delivered + 1, oldest.getKey() - 1);
            write(oldest.getValue());
            delivered = oldest.getKey();
            drainInOrder();
        } else {
            oldest.getValue().release();
        }
    }

    private void drainInOrder() {
        while (!held.isEmpty() && held.firstKey() <= delivered + 1) {
            Map.Entry<Long, ByteBuf> next = held.pollFirstEntry();
            if (next.getKey() <= delivered) {
                next.getValue().release();
                continue;
            }
            write(next.getValue());
            delivered = next.getKey();
        }
    }

    private void armTimer() {
        if (!timerSet) {
            timerSet = true;
            gapTimer.accept(this);
        }
    }

    private void write(ByteBuf frame) {
        if (!socket.isOpen()) {
            frame.release();
            return;
        }
        socket.write(frame);
    }
}
