package io.herald.adapter.websocket;

import io.herald.application.port.ConnectionLog;
import io.herald.application.port.PageCursor;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection manager's writes, kept off the sockets' way: a handshake or a frame never waits for the store to
 * record it. Writes about one connection keep their order (one lane per connection, a few lanes in all); past
 * {@value #MAX_WAITING} waiting writes new ones are dropped (the record is bookkeeping, not delivery). Reads go
 * straight to the store.
 */
public final class BackgroundConnectionLog implements ConnectionLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundConnectionLog.class);
    static final int MAX_WAITING = 10_000;
    private static final int LANES = 4;

    private final ConnectionLog store;
    private final ExecutorService[] lanes = new ExecutorService[LANES];
    private final Semaphore room = new Semaphore(MAX_WAITING);

    BackgroundConnectionLog(ConnectionLog store) {
        this.store = store;
        for (int i = 0; i < LANES; i++) {
            int lane = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "herald-connection-log-" + lane);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    private void later(ConnectionId id, Runnable write) {
        if (!room.tryAcquire()) {
            LOG.debug("connection log behind by {} writes; a write about {} is dropped", MAX_WAITING, id);
            return;
        }
        lanes[Math.floorMod(id.hashCode(), LANES)].execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                LOG.warn("recording connection {} failed", id, e);
            } finally {
                room.release();
            }
        });
    }

    @Override
    public void opened(ConnectionRecord record) {
        later(record.id(), () -> store.opened(record));
    }

    @Override
    public void active(ConnectionId id, Instant at) {
        later(id, () -> store.active(id, at));
    }

    @Override
    public void closed(ConnectionId id, Instant at) {
        later(id, () -> store.closed(id, at));
    }

    @Override
    public Optional<ConnectionRecord> find(ConnectionId id) {
        return store.find(id);
    }

    @Override
    public List<ConnectionRecord> ofPlayer(Member member) {
        return store.ofPlayer(member);
    }

    @Override
    public List<ConnectionRecord> ofSession(SessionId session) {
        return store.ofSession(session);
    }

    @Override
    public RecordPage all(Optional<PageCursor> cursor, int limit) {
        return store.all(cursor, limit);
    }

    @Override
    public boolean setStatus(ConnectionId id, ConnectionStatus status, Instant at) {
        return store.setStatus(id, status, at);
    }

    @Override
    public void forget(ConnectionId id) {
        store.forget(id);
    }

    /** Waits a little for what is queued, so a stopping node records the closes it just made. */
    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
