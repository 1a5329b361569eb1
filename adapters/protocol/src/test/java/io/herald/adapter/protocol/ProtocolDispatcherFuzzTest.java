package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.Caller;
import io.herald.application.CreateRoom;
import io.herald.application.OpenConnection;
import io.herald.application.OrchestrateMessages;
import io.herald.application.RelayPlayerState;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fuzz.Fuzz;
import io.herald.application.fuzz.Gen;
import io.herald.application.port.Metrics;
import io.herald.domain.Connection;
import io.herald.domain.ConnectionId;
import io.herald.domain.Delivery;
import io.herald.domain.Member;
import io.herald.domain.Membership;
import io.herald.domain.Message;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import io.herald.domain.PositionRelay;
import io.herald.domain.Room;
import io.herald.domain.RoomId;
import io.herald.domain.SessionPlayer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile frames against the dispatcher wired to the in-memory fakes: every text is answered with frames (an error for
 * bad input), the connection is never dropped, and a frame answered with an error changes nothing.
 */
class ProtocolDispatcherFuzzTest {
    private final ObjectMapper json = new ObjectMapper();
    private final FrameDecoder decoder = new FrameDecoder(json);
    private final FakeHerald herald = new FakeHerald();
    private final ProtocolDispatcher dispatcher = new ProtocolDispatcher(decoder, new Frames(json),
            herald.joinSession, herald.acknowledge, new RelayPlayerState(herald.connections, herald.directory,
                    herald.fanout, herald.clock, new PositionRelay(PositionRelay.DEFAULT_INTERVAL)),
            new ProtocolDispatcher.Rooms(herald.subscribeRoom, herald.sendRoomMessage, herald.roomHistory),
            herald.playerNotifications, herald.connectionActivity, herald.relayVoice,
            herald.chatWithCharacter, Metrics.NONE);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final ConnectionId anaPhone = new ConnectionId("ana-phone");
    private final Message anasCopy;

    /** What a frame could change: the inbox, the connections, the roster, and what was pushed. */
    private record Snapshot(int copies, Delivery anasCopy, Optional<Connection> phone, List<Connection> session,
            List<SessionPlayer> roster, int pushes, Optional<Room> lobby, Optional<Membership> anasPlace) {
    }

    private final RoomId lobby = new RoomId("lobby");

    ProtocolDispatcherFuzzTest() {
        herald.openConnection.open(new OpenConnection.Command(anaPhone, team.session(), ana));
        dispatcher.handle(anaPhone, "{\"type\":\"join_session\",\"sessionId\":\"%s\",\"playerId\":\"%s\"}"
                .formatted(team.session(), ana));
        herald.connect(team.session(), team.player(1));
        anasCopy = ((OrchestrateMessages.Sent) herald.orchestrate.handle(
                new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now()))).message().fanOut().getFirst();
        herald.createRoom.create(new CreateRoom.Command(Optional.of(new Caller.OnConnection(anaPhone)), lobby, "Lobby"));
    }

    private Snapshot snapshot() {
        return new Snapshot(herald.store.copyCount(),
                herald.store.find(team.session(), anasCopy.inboxKey(), herald.clock.now()).orElseThrow().delivery(),
                herald.connections.find(anaPhone), herald.connections.ofSession(team.session()),
                herald.directory.roster(team.session()), herald.gateway.totalPushes(), herald.rooms.find(lobby),
                herald.rooms.membership(lobby, new Member(team.session(), ana)));
    }

    /** Frames built partly from the fixture's real ids, so some are valid and reach the use cases. */
    private Gen<String> frames() {
        Gen<String> ids = Gen.of(team.session().value(), ana.value(), team.player(1).value(), anasCopy.inboxKey().value(),
                "ai-msg#" + team.player(1) + "#NodeComplete-0000000000000000", "other-session", "lobby", "GUILD#g",
                "GUILD#", "c-1");
        return Gen.weighted(6, FrameShapes.frames(ids), 2, FrameShapes.anyText(), 2, FrameShapes.stateUpdates(),
                1, FrameShapes.JSON.values(4), 1, FrameShapes.deeplyNested());
    }

    @Test
    void every_frame_is_answered_with_frames_and_one_answered_with_an_error_changes_nothing() {
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        Fuzz.check(2000, frames(), text -> {
            Snapshot before = snapshot();

            List<JsonNode> replies = dispatcher.handle(anaPhone, text).stream().map(this::parse).toList();

            assertThat(replies).allSatisfy(reply -> assertThat(reply.path("type").isTextual()).isTrue());
            if (decoder.decode(text) instanceof FrameDecoder.Invalid invalid) {
                assertThat(replies).singleElement().satisfies(error -> {
                    assertThat(error.get("type").asText()).isEqualTo("error");
                    assertThat(error.get("code").asText()).isEqualTo(invalid.error().code());
                });
            }
            if (replies.stream().anyMatch(reply -> "error".equals(reply.get("type").asText()))) {
                errors.incrementAndGet();
                assertThat(snapshot()).isEqualTo(before);
            } else {
                accepted.incrementAndGet();
            }
            assertThat(herald.connections.find(anaPhone)).hasValueSatisfying(phone -> assertThat(phone.joined()).isTrue());
        });
        // The run means something only if it reached both sides: frames refused, and frames the use cases took.
        assertThat(errors.get()).isGreaterThan(100);
        assertThat(accepted.get()).isGreaterThan(100);
    }

    @Test
    void after_any_frame_the_connection_still_answers_a_ping() {
        Fuzz.check(500, frames(), text -> {
            dispatcher.handle(anaPhone, text);

            assertThat(dispatcher.handle(anaPhone, "{\"type\":\"ping\"}")).singleElement()
                    .satisfies(pong -> assertThat(parse(pong).get("type").asText()).isEqualTo("pong"));
        });
    }

    private JsonNode parse(String frame) {
        try {
            return json.readTree(frame);
        } catch (Exception e) {
            throw new AssertionError("the dispatcher sent a frame that is not JSON: " + frame, e);
        }
    }
}
