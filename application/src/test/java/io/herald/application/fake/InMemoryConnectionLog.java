package io.herald.application.fake;

import io.herald.application.port.ConnectionLog;
import io.herald.application.port.PageCursor;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The connection manager's records in a sorted map: the rules of {@link ConnectionLog} without a database. */
public final class InMemoryConnectionLog implements ConnectionLog {
    /** Marks its cursors as its own, so one that only looks like an id is refused as a real log would. */
    private static final String AFTER = "after:";
    private final TreeMap<String, ConnectionRecord> records = new TreeMap<>();

    @Override
    public synchronized void opened(ConnectionRecord record) {
        records.put(record.id().value(), record);
    }

    @Override
    public synchronized void active(ConnectionId id, Instant at) {
        replace(id, r -> r.status() == ConnectionStatus.CONNECTED ? new ConnectionRecord(r.id(), r.member(),
                r.createdAt(), at, r.clientAddress(), r.userAgent(), r.status(), r.disconnectedAt()) : r);
    }

    @Override
    public synchronized void closed(ConnectionId id, Instant at) {
        replace(id, r -> r.status() == ConnectionStatus.CONNECTED ? new ConnectionRecord(r.id(), r.member(),
                r.createdAt(), r.lastActivity(), r.clientAddress(), r.userAgent(), ConnectionStatus.DISCONNECTED,
                Optional.of(at)) : r);
    }

    private boolean replace(ConnectionId id, java.util.function.UnaryOperator<ConnectionRecord> change) {
        ConnectionRecord record = records.get(id.value());
        if (record == null) {
            return false;
        }
        records.put(id.value(), change.apply(record));
        return true;
    }

    @Override
    public synchronized Optional<ConnectionRecord> find(ConnectionId id) {
        return Optional.ofNullable(records.get(id.value()));
    }

    @Override
    public synchronized List<ConnectionRecord> ofPlayer(Member member) {
        return records.values().stream().filter(r -> r.member().equals(member)).toList();
    }

    @Override
    public synchronized List<ConnectionRecord> ofSession(SessionId session) {
        return records.values().stream().filter(r -> r.member().session().equals(session)).toList();
    }

    @Override
    public synchronized RecordPage all(Optional<PageCursor> cursor, int limit) {
        Optional<String> last = cursor.map(InMemoryConnectionLog::lastOf);
        Map<String, ConnectionRecord> after = last.isPresent() ? records.tailMap(last.get(), false) : records;
        List<ConnectionRecord> page = new ArrayList<>(after.values().stream().limit(limit + 1L).toList());
        boolean more = page.size() > limit;
        List<ConnectionRecord> kept = more ? page.subList(0, limit) : page;
        return new RecordPage(kept, more ? Optional.of(new PageCursor(AFTER + kept.getLast().id().value()))
                : Optional.empty());
    }

    private static String lastOf(PageCursor cursor) {
        try {
            if (!cursor.value().startsWith(AFTER)) {
                throw PageCursor.notA("connection");
            }
            return new ConnectionId(cursor.value().substring(AFTER.length())).value();
        } catch (IllegalArgumentException e) {
            throw PageCursor.notA("connection");
        }
    }

    @Override
    public synchronized boolean setStatus(ConnectionId id, ConnectionStatus status, Instant at) {
        return replace(id, r -> new ConnectionRecord(r.id(), r.member(), r.createdAt(), r.lastActivity(),
                r.clientAddress(), r.userAgent(), status,
                status == ConnectionStatus.DISCONNECTED ? r.disconnectedAt().or(() -> Optional.of(at)) : Optional.empty()));
    }

    @Override
    public synchronized void forget(ConnectionId id) {
        records.remove(id.value());
    }
}
