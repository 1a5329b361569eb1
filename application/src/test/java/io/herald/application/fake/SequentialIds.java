package io.herald.application.fake;

import io.herald.application.port.IdGenerator;
import io.herald.domain.ConnectionId;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamCode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable ids (msg-1, msg-2, …); team codes can be queued to provoke clashes. */
public final class SequentialIds implements IdGenerator {
    private final AtomicInteger counter = new AtomicInteger();
    private final Deque<TeamCode> queuedCodes = new ArrayDeque<>();
    private final String prefix;

    public SequentialIds() {
        this("");
    }

    /** Ids that stay apart from other tests' when they share one store; the prefix also seeds the team codes. */
    public SequentialIds(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public MessageId newMessageId() {
        return new MessageId(prefix + "msg-" + counter.incrementAndGet());
    }

    @Override
    public ConnectionId newConnectionId() {
        return new ConnectionId(prefix + "conn-" + counter.incrementAndGet());
    }

    @Override
    public SessionId newSessionId() {
        return new SessionId(prefix + "session-" + counter.incrementAndGet());
    }

    @Override
    public PlayerId newPlayerId() {
        return new PlayerId(prefix + "player-" + counter.incrementAndGet());
    }

    @Override
    public synchronized TeamCode newTeamCode() {
        if (!queuedCodes.isEmpty()) {
            return queuedCodes.removeFirst();
        }
        int n = counter.incrementAndGet();
        int p = prefix.hashCode();
        return TeamCode.from(new int[] {n, n / 31, n / 961, p, p / 31, p / 961});
    }

    public synchronized void queueTeamCodes(TeamCode... codes) {
        queuedCodes.addAll(java.util.List.of(codes));
    }
}
