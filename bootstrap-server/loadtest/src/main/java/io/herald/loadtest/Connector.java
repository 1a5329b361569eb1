package io.herald.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

/** Opens and joins many players with at most N handshakes in flight, so thousands connect without a stampede. */
final class Connector {
    private Connector() {}

    /** Connection ids are the players' positions in {@code players}; {@code placed} names each one's node. */
    static Connected connectAll(Nodes nodes, List<RegisteredPlayer> players, List<Integer> placed,
            ArrivalListener listener, int concurrency, Duration joinTimeout, PrintStream out) {
        Progress progress = new Progress(out, "joined", players.size());
        List<StepResult<PlayerSession>> attempts = Bounded.map(IntStream.range(0, players.size()).boxed().toList(),
                concurrency, progress,
                id -> StepResult.of(() -> connect(nodes.get(placed.get(id)), id, players.get(id), listener,
                        joinTimeout)));
        List<PlayerSession> sessions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int id = 0; id < attempts.size(); id++) {
            switch (attempts.get(id)) {
                case StepResult.Done<PlayerSession> done -> sessions.add(done.value());
                case StepResult.Failed<PlayerSession> failed -> failures.add("player " + players.get(id).playerName()
                        + " did not join: " + failed.reason());
            }
        }
        return new Connected(sessions, failures);
    }

    /** Opens one socket and joins; a handshake or join that outlives {@code joinTimeout} leaves nothing open. */
    static PlayerSession connect(ServerUnderTest server, int id, RegisteredPlayer player,
            ArrivalListener listener, Duration joinTimeout) throws Exception {
        CompletableFuture<PlayerSession> opening = server.open(id, player, listener);
        PlayerSession session;
        try {
            session = opening.get(joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // A handshake that finishes after we gave up must not leave an uncounted socket open.
            opening.thenAccept(PlayerSession::close);
            throw new TimeoutException("WebSocket handshake not done within " + joinTimeout.toMillis() + " ms");
        }
        try {
            session.start().get(joinTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return session;
        } catch (TimeoutException e) {
            session.close();
            throw new TimeoutException("no joined answer within " + joinTimeout.toMillis() + " ms");
        } catch (Exception e) {
            session.close();
            throw e;
        }
    }
}
