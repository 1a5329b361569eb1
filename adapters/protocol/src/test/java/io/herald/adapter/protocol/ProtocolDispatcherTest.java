package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.OpenConnection;
import io.herald.application.OrchestrateMessages;
import io.herald.application.RelayPlayerState;
import io.herald.application.fake.FakeHerald.TestTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.domain.ConnectionId;
import io.herald.domain.Delivery;
import io.herald.domain.Message;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.PlayerId;
import io.herald.domain.PositionRelay;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolDispatcherTest {
    private final ObjectMapper json = new ObjectMapper();
    private final FakeHerald herald = new FakeHerald();
    private final ProtocolDispatcher dispatcher = new ProtocolDispatcher(new FrameDecoder(json), new Frames(json),
            herald.joinSession, herald.acknowledge, new RelayPlayerState(herald.connections, herald.directory,
                    herald.fanout, herald.clock, new PositionRelay(PositionRelay.DEFAULT_INTERVAL)),
            new ProtocolDispatcher.Rooms(herald.subscribeRoom, herald.sendRoomMessage, herald.roomHistory),
            herald.playerNotifications, herald.connectionActivity, herald.relayVoice,
            herald.chatWithCharacter, herald.metrics);
    private final TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final ConnectionId anaPhone = new ConnectionId("ana-phone");
    private Message anasCopy;

    @BeforeEach
    void ana_is_connected_and_has_a_message() {
        herald.openConnection.open(new OpenConnection.Command(anaPhone, team.session(), ana));
        send(anaPhone, "{\"type\":\"join_session\",\"sessionId\":\"%s\",\"playerId\":\"%s\"}".formatted(team.session(), ana));
        OrchestrateMessages.Sent sent = (OrchestrateMessages.Sent) herald.orchestrate.handle(
                new NodeComplete(team.session(), ana, new NodeId("node-3"), herald.clock.now()));
        anasCopy = sent.message().fanOut().getFirst();
    }

    private List<JsonNode> send(ConnectionId connection, String frame) {
        return dispatcher.handle(connection, frame).stream().map(this::parse).toList();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Delivery stored() {
        return herald.store.find(team.session(), anasCopy.inboxKey(), herald.clock.now()).orElseThrow().delivery();
    }

    @Test
    void join_session_is_answered_with_joined() {
        ConnectionId tablet = new ConnectionId("ana-tablet");
        herald.openConnection.open(new OpenConnection.Command(tablet, team.session(), ana));

        List<JsonNode> replies = send(tablet,
                "{\"type\":\"join_session\",\"sessionId\":\"%s\",\"playerId\":\"%s\"}".formatted(team.session(), ana));

        assertThat(replies).singleElement().satisfies(joined -> {
            assertThat(joined.get("type").asText()).isEqualTo("joined");
            assertThat(joined.get("playerId").asText()).isEqualTo(ana.value());
        });
    }

    @Test
    void seed_001s_join_with_a_player_name_joins_as_the_authenticated_player() {
        ConnectionId tablet = new ConnectionId("ana-tablet");
        herald.openConnection.open(new OpenConnection.Command(tablet, team.session(), ana));

        List<JsonNode> replies = send(tablet,
                "{\"type\":\"join\",\"sessionId\":\"%s\",\"playerName\":\"Ana\"}".formatted(team.session()));

        assertThat(replies.getFirst().get("type").asText()).isEqualTo("joined");
        assertThat(herald.connections.ofPlayer(team.session(), ana)).hasSize(2);
    }

    @Test
    void joining_as_another_player_is_refused_with_a_stable_code() {
        ConnectionId tablet = new ConnectionId("ana-tablet");
        herald.openConnection.open(new OpenConnection.Command(tablet, team.session(), ana));

        List<JsonNode> replies = send(tablet, "{\"type\":\"join_session\",\"sessionId\":\"%s\",\"playerId\":\"%s\",\"ref\":\"j1\"}"
                .formatted(team.session(), team.player(1)));

        assertThat(replies).singleElement().satisfies(error -> {
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo("player_mismatch");
            assertThat(error.get("ref").asText()).isEqualTo("j1");
        });
    }

    @Test
    void delivered_and_read_acks_are_recorded_without_a_reply() {
        String ack = "{\"type\":\"%s\",\"sessionId\":\"%s\",\"sk\":\"%s\",\"timestamp\":\"2026-01-09T10:30:00Z\"}";

        assertThat(send(anaPhone, ack.formatted("ai_message_delivered", team.session(), anasCopy.inboxKey()))).isEmpty();
        assertThat(send(anaPhone, ack.formatted("ai_message_read", team.session(), anasCopy.inboxKey()))).isEmpty();

        assertThat(stored()).isInstanceOf(Delivery.Read.class);
    }

    @Test
    void a_spoofed_ack_for_another_players_key_is_refused_and_changes_nothing() {
        ConnectionId benPhone = herald.connect(team.session(), team.player(1));

        List<JsonNode> replies = send(benPhone, "{\"type\":\"ai_message_read\",\"sessionId\":\"%s\",\"sk\":\"%s\"}"
                .formatted(team.session(), anasCopy.inboxKey()));

        assertThat(replies.getFirst().get("code").asText()).isEqualTo("not_your_message");
        assertThat(stored()).isEqualTo(new Delivery.Created());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all|invalid_json",
        "[1,2,3]|invalid_json",
        "{\"type\":\"launch_missiles\"}|unknown_type",
        "{\"sessionId\":\"s\"}|missing_field",
        "{\"type\":\"ai_message_read\",\"sessionId\":\"s\"}|missing_field",
        "{\"type\":\"ai_message_read\",\"sessionId\":\"s\",\"sk\":\"msg#x\"}|invalid_field",
        "{\"type\":\"ai_message_read\",\"sessionId\":7,\"sk\":\"ai-msg#a#b\"}|invalid_field",
        "{\"type\":\"join_session\",\"sessionId\":\"s#1\",\"playerId\":\"p\"}|invalid_field",
        "{\"type\":\"player_state_update\",\"state\":{\"path\":[1,2]}}|invalid_field",
        "{\"type\":\"player_state_update\",\"state\":{\"lat\":1e400}}|invalid_number",
        "{\"type\":\"player_state_update\",\"state\":{\"lat\":-1e-400}}|invalid_number",
        "{\"type\":\"player_state_update\",\"state\":{\"steps\":9223372036854775808}}|invalid_number",
        "{\"type\":\"player_state_update\",\"steps\":-9223372036854775809}|invalid_number",
        "{\"type\":\"ping\",\"type\":\"join\"}|invalid_json",
        "{\"type\":\"ping\"} trailing|invalid_json"})
    void a_bad_frame_gets_an_error_with_a_stable_code_and_changes_nothing(String frame, String code) {
        List<JsonNode> replies = send(anaPhone, frame);

        assertThat(replies).singleElement().satisfies(error -> {
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo(code);
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(stored()).isEqualTo(new Delivery.Created());
        assertThat(herald.connections.find(anaPhone)).isPresent();
    }

    @Test
    void a_frame_over_the_size_limit_is_refused_before_it_is_parsed() {
        String huge = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(Frames.MAX_INBOUND_BYTES) + "\"}";

        assertThat(send(anaPhone, huge).getFirst().get("code").asText()).isEqualTo("frame_too_large");
    }

    @Test
    void ping_is_answered_with_pong() {
        assertThat(send(anaPhone, "{\"type\":\"ping\"}")).singleElement()
                .satisfies(pong -> assertThat(pong.get("type").asText()).isEqualTo("pong"));
    }

    @Test
    void each_frame_is_counted_by_its_type_and_each_refusal_by_its_stable_code() {
        send(anaPhone, "{\"type\":\"ping\"}");
        send(anaPhone, "{\"type\":\"warp_drive\"}");
        send(anaPhone, "not json");
        send(anaPhone, "{\"type\":\"ai_message_read\",\"sessionId\":\"elsewhere\",\"sk\":\"%s\"}"
                .formatted(anasCopy.inboxKey().value()));

        assertThat(herald.metrics.lines()).filteredOn(line -> line.startsWith("frame in") || line.startsWith("refused"))
                .containsExactly(
                        "frame in join_session",
                        "frame in ping",
                        "frame in invalid", "refused websocket unknown_type",
                        "frame in invalid", "refused websocket invalid_json",
                        "frame in ai_message_read", "refused websocket session_mismatch");
    }

    @Test
    void a_wait_is_told_in_whole_milliseconds_rounded_up_so_it_is_never_zero() {
        assertThat(ProtocolDispatcher.retryAfterMillis(java.time.Duration.ofNanos(300_000))).isEqualTo(1);
        assertThat(ProtocolDispatcher.retryAfterMillis(java.time.Duration.ofNanos(20_000_001))).isEqualTo(21);
        assertThat(ProtocolDispatcher.retryAfterMillis(java.time.Duration.ofMillis(20))).isEqualTo(20);
        assertThat(ProtocolDispatcher.retryAfterMillis(java.time.Duration.ZERO)).isEqualTo(1);
    }
}
