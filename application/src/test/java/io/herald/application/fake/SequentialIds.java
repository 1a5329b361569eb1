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

    @Override
    public MessageId newMessageId() {
        return new MessageId("msg-" + counter.incrementAndGet());
    }

    @Override
    public ConnectionId newConnectionId() {
        return new ConnectionId("conn-" + counter.incrementAndGet());
    }

    @Override
    public SessionId newSessionId() {
        return new SessionId("session-" + counter.incrementAndGet());
    }

    @Override
    public PlayerId newPlayerId() {
        return new PlayerId("player-" + counter.incrementAndGet());
    }

    @Override
    public synchronized TeamCode newTeamCode() {
        if (!queuedCodes.isEmpty()) {
            return queuedCodes.removeFirst();
        }
        int n = counter.incrementAndGet();
        return TeamCode.from(new int[] {n, n / 31, n / 961, 1, 2, 3});
    }

    public synchronized void queueTeamCodes(TeamCode... codes) {
        queuedCodes.addAll(java.util.List.of(codes));
    }
}
