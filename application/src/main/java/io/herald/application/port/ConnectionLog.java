package io.herald.application.port;

import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The connection manager's records (seed 004), shared by every node and shape: who is connected, from where, since
 * when, last heard when. Off the delivery path: finding whom to push to never reads it.
 */
public interface ConnectionLog {

    void opened(ConnectionRecord record);

    /** The connection sent something at {@code at}; writers call this at most now and then per connection. */
    void active(ConnectionId id, Instant at);

    /** Marks it disconnected (a no-op for one already forgotten). */
    void closed(ConnectionId id, Instant at);

    Optional<ConnectionRecord> find(ConnectionId id);

    List<ConnectionRecord> ofPlayer(Member member);

    List<ConnectionRecord> ofSession(SessionId session);

    /**
     * Every record, a page at a time, in no particular order; {@code cursor} continues a previous page.
     *
     * @throws PageCursor.Invalid for a cursor this log did not give out
     */
    RecordPage all(Optional<PageCursor> cursor, int limit);

    /** Whether there was such a record to change. */
    boolean setStatus(ConnectionId id, ConnectionStatus status, Instant at);

    void forget(ConnectionId id);

    record RecordPage(List<ConnectionRecord> records, Optional<PageCursor> next) {
        public RecordPage {
            records = List.copyOf(records);
        }
    }
}
