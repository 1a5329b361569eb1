package io.herald.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.fake.InMemoryConnectionRegistry;
import io.herald.application.port.Audience;
import io.herald.application.port.Fanout;
import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.application.port.Reach;
import io.herald.application.port.RosterChanges;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.DeltaType;
import io.herald.domain.Member;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomText;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.SessionId;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Two nodes in one JVM, each with its own devices, linked by a real redis-server. */
class ClusterOverRedisTest {
    private static RedisProcess redis;

    private final SessionId session = new SessionId("session-" + UUID.randomUUID());
    private final PlayerId ana = new PlayerId("ana");
    private final PlayerId ben = new PlayerId("ben");
    private Node a;
    private Node b;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void two_nodes() {
        a = new Node(redis.uri());
        b = new Node(redis.uri());
        await(() -> a.link.isUp() && b.link.isUp(), "both nodes linked");
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    /** What a node's own devices received, as the delivery engine of its sockets would have written them. */
    private static final class RecordingFanout implements Fanout {
        final List<Map.Entry<Audience, Push>> received = new CopyOnWriteArrayList<>();

        @Override
        public Reach send(Audience audience, Push push) {
            received.add(Map.entry(audience, push));
            return new Reach(1, 0, 0);
        }
    }

    private static final PushFormat FORMAT = push -> push instanceof Push.Relayed relayed ? relayed.frame()
            : "{\"type\":\"" + push.getClass().getSimpleName() + "\"}";

    private static final class Node implements AutoCloseable {
        final RedisClient client;
        final RedisLink link;
        final RecordingFanout devices = new RecordingFanout();
        final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
        final ClusterFanout fanout;
        final ClusterConnections connections;
        final ClusterRosterChanges rosters;
        final List<String> rosterNews = new CopyOnWriteArrayList<>();

        Node(String uri) {
            RedisSettings settings = new RedisSettings("herald", Duration.ofMillis(200), Duration.ofSeconds(2),
                    Duration.ofSeconds(1));
            client = RedisClient.create(uri);
            link = new RedisLink(client, settings);
            fanout = new ClusterFanout(devices, FORMAT, link);
            connections = new ClusterConnections(registry, registry, link);
            rosters = new ClusterRosterChanges(link);
            rosters.subscribe(new RosterChanges.Listener() {
                @Override
                public void changed(SessionId session) {
                    rosterNews.add("changed " + session.value());
                }

                @Override
                public void mayHaveMissedChanges() {
                    rosterNews.add("may have missed changes");
                }
            });
            link.start();
        }

        Connection device(SessionId session, PlayerId player) {
            Connection device = Connection.opened(new ConnectionId("c-" + UUID.randomUUID()), session, player,
                    Instant.now()).join();
            connections.save(device);
            return device;
        }

        @Override
        public void close() {
            connections.close();
            link.close();
            client.shutdown();
        }
    }

    private Push.RuntimeDeltas delta() {
        return new Push.RuntimeDeltas(session, List.of(new RuntimeDelta(DeltaType.NODE_COMPLETED,
                Map.of("playerId", "ana", "nodeId", "n1"), Instant.now())));
    }

    @Test
    void a_push_on_one_node_reaches_the_other_nodes_devices_once_and_is_not_echoed_back() {
        a.fanout.send(Audience.othersIn(session, ana), delta());

        await(() -> b.devices.received.size() == 1, "the relayed frame on the other node");
        quietly(300);
        assertThat(a.devices.received).singleElement().satisfies(here -> {
            assertThat(here.getKey()).isEqualTo(Audience.othersIn(session, ana));
            assertThat(here.getValue()).isEqualTo(new Push.Relayed("{\"type\":\"RuntimeDeltas\"}"));
        });
        assertThat(b.devices.received).singleElement().isEqualTo(a.devices.received.getFirst());
    }

    @Test
    void a_room_message_reaches_the_other_nodes_subscribers_with_its_offset_for_ordering() {
        RoomId lobby = new RoomId("lobby");
        RoomMessage said = new RoomMessage(lobby, 7, 3, new MessageId("m-7"), new Member(session, ana),
                RoomText.from("hi").text().orElseThrow(), Instant.now());

        a.fanout.send(Audience.subscribersOf(lobby), new Push.RoomMessageSaid(said));

        await(() -> b.devices.received.size() == 1, "the relayed room message on the other node");
        assertThat(b.devices.received.getFirst().getKey()).isEqualTo(Audience.subscribersOf(lobby));
        assertThat(b.devices.received.getFirst().getValue())
                .isEqualTo(new Push.Relayed("{\"type\":\"RoomMessageSaid\"}", 7));
        assertThat(a.devices.received.getFirst().getValue()).isEqualTo(b.devices.received.getFirst().getValue());
    }

    @Test
    void devices_are_counted_on_every_live_node_and_a_closed_one_stops_counting() {
        a.device(session, ana);
        Connection benPhone = b.device(session, ben);
        b.device(session, ben);

        await(() -> a.connections.devicesOnline(session).equals(Map.of(ana, 1, ben, 2)), "both nodes' devices seen from a");
        assertThat(b.connections.devicesOnline(session)).isEqualTo(Map.of(ana, 1, ben, 2));

        b.connections.remove(benPhone.id());

        await(() -> a.connections.devicesOnline(session).equals(Map.of(ana, 1, ben, 1)), "the closed device gone");
    }

    @Test
    void devices_of_a_node_whose_heartbeat_stopped_do_not_count_and_are_cleaned_away() throws Exception {
        a.device(session, ana);
        var redis = a.link.async().orElseThrow();
        // Silent for 5 s: past the 2 s node timeout, so dead, yet short of the 20 s after which heartbeats prune it
        // from the set altogether (a node no longer listed is unknown, and its fields are only skipped).
        redis.zadd("herald:nodes", System.currentTimeMillis() - 5_000, "dead-node").get();
        redis.hset("herald:presence:" + session.value(), "dead-node|" + ben.value(), "3").get();
        redis.hset("herald:presence:" + session.value(), "unknown-node|cal", "1").get();

        await(() -> a.connections.devicesOnline(session).equals(Map.of(ana, 1)), "only the live node's devices");
        await(() -> !hashHas("dead-node|" + ben.value()), "the dead node's field cleaned away");
        assertThat(hashHas("unknown-node|cal")).as("a node not seen yet is not presumed dead").isTrue();
    }

    @Test
    void roster_news_reaches_the_other_nodes_and_not_the_one_that_made_the_change() {
        a.rosters.announce(session);

        await(() -> b.rosterNews.contains("changed " + session.value()), "the news on the other node");
        quietly(300);
        assertThat(a.rosterNews).isEmpty();
    }

    @Test
    void without_redis_a_node_serves_its_own_devices_says_so_and_catches_up_when_redis_returns() {
        a.device(session, ana);
        b.device(session, ben);
        await(() -> a.connections.devicesOnline(session).size() == 2, "presence shared");

        redis.stop();
        try {
            await(() -> !a.link.isUp(), "the loss noticed");
            a.fanout.send(Audience.everyoneIn(session), delta());
            a.device(session, ana);

            assertThat(a.devices.received).hasSize(1);
            // The command connection may not know yet that Redis is gone: then the publish fails a moment later.
            await(() -> a.link.unrelayed() > 0, "the frame counted as not relayed");
            assertThat(a.connections.devicesOnline(session)).as("this node alone").isEqualTo(Map.of(ana, 2));
            assertThat(health(a)).isEqualTo("DEGRADED");
        } finally {
            // Whatever happened above, the next test needs its Redis back.
            redis.startAgain();
        }
        await(() -> a.link.isUp() && b.link.isUp(), "both relinked");
        await(() -> a.rosterNews.contains("may have missed changes"), "cached rosters forgotten");
        await(() -> b.connections.devicesOnline(session).equals(Map.of(ana, 2, ben, 1)),
                "presence written again after the outage");
        assertThat(health(a)).isEqualTo("UP");
    }

    private static String health(Node node) {
        return Mono.from(new RelayHealthIndicator(node.link).getResult()).block().getStatus().getName();
    }

    private boolean hashHas(String field) {
        try {
            return a.link.async().orElseThrow().hexists("herald:presence:" + session.value(), field).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            quietly(20);
        }
        throw new AssertionError("never happened: " + what);
    }

    private static void quietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
