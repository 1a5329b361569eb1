package io.herald.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.dynamodb.StoreRoundTrips;
import io.herald.application.OrchestrateMessages;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.server.PlayerClient.Device;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each kind of event costs the embedded store, counted on its client, for a team of three whose devices are
 * all online and whose session the server has seen before. Counts, not timings: they do not depend on the machine.
 * Each test has a team of its own, so no cooldown window carries over. A transaction the server acts on as kept (a
 * hold before its 2xx, a settle before its push) is followed by the confirming read the embedded store needs (a
 * GetItem of a key never written); a release is not, since losing one only means orchestrating the event again.
 */
class StoreRoundTripsTest {
    private static HeraldServer server;
    private static String base;

    private record Team(PlayerClient ana, PlayerClient ben, PlayerClient cal, Map<PlayerClient, Device> devices) {
    }

    @BeforeAll
    static void start() throws Exception {
        server = FreshServer.start("trips");
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Registered, online, and seen by the server once (a periodic check each), so nothing is read for the first time. */
    private static Team warmTeam() {
        PlayerClient ana = PlayerClient.register(base, "Ana", null);
        PlayerClient ben = PlayerClient.register(base, "Ben", ana.teamCode);
        PlayerClient cal = PlayerClient.register(base, "Cal", ana.teamCode);
        Team team = new Team(ana, ben, cal, Map.of(ana, ana.online(), ben, ben.online(), cal, cal.online()));
        for (PlayerClient player : List.of(ana, ben, cal)) {
            assertThat(checkWithDelta(player).status()).isEqualTo(200);
        }
        awaitQuiet();
        return team;
    }

    /** A periodic check carrying a runtime delta: the delta goes out, and the AI stays quiet. */
    private static PlayerClient.Response checkWithDelta(PlayerClient player) {
        return PlayerClient.post(base + "/runtime/events", player.token, PlayerClient.JSON.createObjectNode()
                .put("sessionId", player.sessionId).put("playerId", player.playerId).put("eventType", "PeriodicCheck")
                .set("deltas", PlayerClient.JSON.createArrayNode().add(PlayerClient.JSON.createObjectNode()
                        .put("type", "PLAYER_JOINED").put("playerId", player.playerId))).toString());
    }

    private static StoreRoundTrips trips() {
        return server.context().getBean(StoreRoundTrips.class);
    }

    private static OrchestrateMessages orchestrate() {
        return server.context().getBean(OrchestrateMessages.class);
    }

    @Test
    void a_runtime_event_with_deltas_and_nothing_to_say() {
        Team team = warmTeam();
        Map<String, Long> before = trips().snapshot();

        checkWithDelta(team.ana());
        team.devices().get(team.ben()).await(f -> f.toString().contains("PLAYER_JOINED"), "the delta");
        awaitQuiet();

        Map<String, Long> intake = StoreRoundTrips.between(before, trips().snapshot());

        report("(a) PeriodicCheck with a delta over HTTP, orchestration silent", intake);
        assertThat(intake).as("recipients and rosters come from memory; the event is held, then released")
                .isEqualTo(Map.of("TransactWriteItems", 2L, "GetItem", 1L));
    }

    @Test
    void a_node_complete_with_its_deltas_and_its_individual_message() {
        Team team = warmTeam();
        Map<String, Long> before = trips().snapshot();
        team.ben().event("NodeComplete", "nodeId", "node-1");
        team.devices().get(team.ben()).await("ai_message");
        team.devices().get(team.ana()).await("runtime_delta");
        awaitQuiet();
        Map<String, Long> wholeEvent = StoreRoundTrips.between(before, trips().snapshot());

        Map<String, Long> orchestrationBefore = trips().snapshot();
        orchestrate().handle(new NodeComplete(new SessionId(team.cal().sessionId), new PlayerId(team.cal().playerId),
                new NodeId("node-2"), Instant.now()));
        team.devices().get(team.cal()).await("ai_message");
        Map<String, Long> individual = StoreRoundTrips.between(orchestrationBefore, trips().snapshot());

        report("(a)+(b) NodeComplete over HTTP, deltas and individual message", wholeEvent);
        report("(b) individual message, orchestration alone", individual);
        assertThat(individual).as("claim, cooldown and copy as one transaction")
                .isEqualTo(Map.of("TransactWriteItems", 1L, "GetItem", 1L));
        assertThat(wholeEvent).as("held, settled, released: the deltas cost nothing")
                .isEqualTo(Map.of("TransactWriteItems", 3L, "GetItem", 2L));
    }

    @Test
    void the_arrival_that_completes_the_team_and_its_broadcast() {
        Team team = warmTeam();
        for (PlayerClient player : List.of(team.ana(), team.ben())) {
            player.event("ObjectArrive", "objectId", "statue");
        }
        awaitQuiet();
        Map<String, Long> before = trips().snapshot();
        team.cal().event("ObjectArrive", "objectId", "statue");
        for (Device device : team.devices().values()) {
            device.await(f -> "broadcast".equals(f.path("messageType").asText()), "a broadcast");
        }
        awaitQuiet();
        Map<String, Long> lastArrival = StoreRoundTrips.between(before, trips().snapshot());

        Map<String, Long> orchestrationBefore = trips().snapshot();
        orchestrate().handle(new ObjectArrive(new SessionId(team.cal().sessionId), new PlayerId(team.cal().playerId),
                new ObjectId("statue"), Instant.now()));
        Map<String, Long> duplicate = StoreRoundTrips.between(orchestrationBefore, trips().snapshot());

        report("(a)+(c) the arrival completing the team over HTTP, deltas and team broadcast", lastArrival);
        report("the same arrival orchestrated again (a duplicate)", duplicate);
        assertThat(lastArrival).as("hold, record the arrival, read the arrivals, settle the broadcast, release")
                .isEqualTo(Map.of("PutItem", 1L, "Query", 1L, "TransactWriteItems", 3L, "GetItem", 2L));
    }

    /** Waits until the store has been left alone for a moment: everything an event set off has finished. */
    private static void awaitQuiet() {
        long last = -1;
        while (trips().total() != last) {
            last = trips().total();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void report(String what, Map<String, Long> counts) {
        System.out.printf("store round trips, %s: %d %s%n", what, sum(counts), counts);
    }
}
