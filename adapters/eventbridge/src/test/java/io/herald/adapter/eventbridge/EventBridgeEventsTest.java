package io.herald.adapter.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.adapter.eventbridge.EventBridgeEvents.Decoded;
import io.herald.adapter.eventbridge.EventBridgeEvents.Game;
import io.herald.adapter.eventbridge.EventBridgeEvents.Invalid;
import io.herald.adapter.eventbridge.EventBridgeEvents.ScheduledTick;
import io.herald.adapter.eventbridge.EventBridgePublisher.Budget;
import io.herald.adapter.eventbridge.EventBridgePublisher.Target;
import io.herald.domain.GameEvent;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Envelopes as a Lambda receives them, as JSON text or as the runtime's map: game events, ticks, and the rest. */
class EventBridgeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENVELOPE_TIME = "2026-01-09T10:30:01Z";

    static Stream<GameEvent> everyEventType() {
        return Stream.concat(SampleEvents.oneOfEach().stream(),
                Stream.of(new PuzzleSubmit(SampleEvents.SESSION, SampleEvents.PLAYER, new PuzzleId("riddle-1"), true, 1, SampleEvents.AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void a_published_event_comes_back_equal_with_the_same_deterministic_id(GameEvent event) {
        ObjectNode envelope;
        try (EventBridgeStub stub = EventBridgeStub.start()) {
            new EventBridgePublisher(stub.client(), new Target("herald-bus", "herald.game"),
                    new Budget(1, Duration.ofSeconds(30))).publish(event);
            envelope = deliveredAsEventBridgeDoes(stub.calls().getFirst().entries().getFirst());
        }

        Decoded fromText = EventBridgeEvents.decode(envelope.toString());
        Decoded fromMap = EventBridgeEvents.decode(asMap(envelope));

        assertThat(fromText).isEqualTo(new Game(event)).isEqualTo(fromMap);
        assertThat(((Game) fromText).event().id()).isEqualTo(event.id());
    }

    @Test
    void a_tick_of_the_scheduled_rule_is_a_scheduled_tick_at_its_time() {
        String tick = """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2026-01-09T10:35:00Z","region":"eu-west-1",
                 "resources":["arn:aws:events:eu-west-1:123456789012:rule/herald-periodic-check"],"detail":{}}""";

        assertThat(EventBridgeEvents.decode(tick)).isEqualTo(new ScheduledTick(Instant.parse("2026-01-09T10:35:00Z")));
        assertThat(EventBridgeEvents.decode(asMap(read(tick))))
                .isEqualTo(new ScheduledTick(Instant.parse("2026-01-09T10:35:00Z")));
    }

    @Test
    void a_detail_without_its_own_time_takes_the_envelopes() {
        Decoded decoded = EventBridgeEvents.decode(envelope("PeriodicCheck", "{\"sessionId\":\"session-123\"}"));

        assertThat(decoded).isEqualTo(new Game(new PeriodicCheck(SampleEvents.SESSION, Instant.parse(ENVELOPE_TIME))));
    }

    @Test
    void an_attempt_handed_over_as_a_double_by_the_runtime_is_still_a_whole_number() {
        Map<String, Object> envelope = asMap(read(envelope("PuzzleSubmit", """
                {"sessionId":"session-123","playerId":"player-456","puzzleId":"riddle-1","correct":false}""")));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) envelope.get("detail");
        detail.put("attempt", 2.0);
        detail.put("occurredAt", SampleEvents.AT.toString());

        assertThat(EventBridgeEvents.decode(envelope)).isEqualTo(new Game(SampleEvents.puzzleSubmit()));
    }

    static Stream<Arguments> invalidEnvelopes() {
        String node = "{\"sessionId\":\"session-123\",\"playerId\":\"player-456\",\"nodeId\":\"node-3\"";
        return Stream.of(
                Arguments.of("not JSON", "{\"detail-type\":", "the envelope is not JSON"),
                Arguments.of("JSON with trailing text", "{\"detail-type\":\"NodeComplete\"} and more",
                        "the envelope is not JSON"),
                Arguments.of("an array", "[1,2]", "the envelope is not a JSON object"),
                Arguments.of("no detail-type", "{\"source\":\"herald.game\",\"detail\":{}}",
                        "envelope has no \"detail-type\""),
                Arguments.of("no source", "{\"detail-type\":\"NodeComplete\",\"detail\":{}}",
                        "envelope has no \"source\""),
                Arguments.of("an unknown detail-type", envelope("PlayerDanced", node + "}"),
                        "unknown detail-type \"PlayerDanced\""),
                Arguments.of("another AWS event", "{\"detail-type\":\"EC2 Instance State-change Notification\","
                        + "\"source\":\"aws.ec2\",\"time\":\"2026-01-09T10:30:00Z\",\"detail\":{}}",
                        "unknown detail-type \"EC2 Instance State-change Notification\""),
                Arguments.of("a scheduled event without time",
                        "{\"detail-type\":\"Scheduled Event\",\"source\":\"aws.events\",\"detail\":{}}",
                        "envelope has no \"time\""),
                Arguments.of("an envelope time that is no instant", "{\"detail-type\":\"Scheduled Event\","
                        + "\"source\":\"aws.events\",\"time\":\"yesterday\",\"detail\":{}}",
                        "envelope \"time\" must be an ISO-8601 instant"),
                Arguments.of("no detail", "{\"detail-type\":\"NodeComplete\",\"source\":\"herald.game\"}",
                        "envelope has no \"detail\" object"),
                Arguments.of("a detail that is a string",
                        "{\"detail-type\":\"NodeComplete\",\"source\":\"herald.game\",\"detail\":\"node-3\"}",
                        "envelope has no \"detail\" object"),
                Arguments.of("no player", envelope("NodeComplete",
                        "{\"sessionId\":\"session-123\",\"nodeId\":\"node-3\"}"), "detail has no \"playerId\""),
                Arguments.of("a session id with a key separator", envelope("NodeComplete",
                        "{\"sessionId\":\"session#123\",\"playerId\":\"player-456\",\"nodeId\":\"node-3\"}"),
                        "session id must not contain '#'"),
                Arguments.of("a blank player id", envelope("NodeComplete",
                        "{\"sessionId\":\"session-123\",\"playerId\":\" \",\"nodeId\":\"node-3\"}"),
                        "player id must not be blank"),
                Arguments.of("a player id that is a number", envelope("NodeComplete",
                        "{\"sessionId\":\"session-123\",\"playerId\":456,\"nodeId\":\"node-3\"}"),
                        "detail \"playerId\" must be a string"),
                Arguments.of("an attempt in quotes", envelope("PuzzleSubmit", "{\"sessionId\":\"session-123\","
                        + "\"playerId\":\"player-456\",\"puzzleId\":\"riddle-1\",\"correct\":true,\"attempt\":\"2\"}"),
                        "detail \"attempt\" must be a whole number"),
                Arguments.of("a fractional attempt", envelope("PuzzleSubmit", "{\"sessionId\":\"session-123\","
                        + "\"playerId\":\"player-456\",\"puzzleId\":\"riddle-1\",\"correct\":true,\"attempt\":1.5}"),
                        "detail \"attempt\" must be a whole number"),
                Arguments.of("attempt zero", envelope("PuzzleSubmit", "{\"sessionId\":\"session-123\","
                        + "\"playerId\":\"player-456\",\"puzzleId\":\"riddle-1\",\"correct\":true,\"attempt\":0}"),
                        "attempt must be 1 or more"),
                Arguments.of("correct as a word", envelope("PuzzleSubmit", "{\"sessionId\":\"session-123\","
                        + "\"playerId\":\"player-456\",\"puzzleId\":\"riddle-1\",\"correct\":\"yes\",\"attempt\":1}"),
                        "detail \"correct\" must be true or false"),
                Arguments.of("an occurredAt that is no instant", envelope("NodeComplete",
                        node + ",\"occurredAt\":\"yesterday\"}"), "detail \"occurredAt\" must be an ISO-8601 instant"),
                Arguments.of("no time at all", "{\"detail-type\":\"NodeComplete\",\"source\":\"herald.game\","
                        + "\"detail\":" + node + "}}", "detail has no \"occurredAt\""),
                Arguments.of("an event id that the fields do not give", envelope("NodeComplete",
                        node + ",\"eventId\":\"NodeComplete-0000000000000000\"}"),
                        "detail \"eventId\" NodeComplete-0000000000000000 does not match the event's fields, which give "
                                + "NodeComplete-90ba05788651bae2"),
                Arguments.of("an event type other than the detail-type", envelope("NodeComplete",
                        node + ",\"eventType\":\"ObjectArrive\"}"),
                        "detail \"eventType\" ObjectArrive disagrees with detail-type NodeComplete"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void an_envelope_that_is_not_a_game_event_or_a_tick_is_invalid_with_the_reason(String what, String envelope,
            String reason) {
        assertThat(EventBridgeEvents.decode(envelope))
                .isInstanceOfSatisfying(Invalid.class, invalid -> assertThat(invalid.reason()).contains(reason));
    }

    @Test
    void the_same_invalid_envelope_as_a_map_gets_the_same_reason() {
        String envelope = envelope("NodeComplete", "{\"sessionId\":\"session-123\",\"nodeId\":\"node-3\"}");

        assertThat(EventBridgeEvents.decode(asMap(read(envelope)))).isEqualTo(EventBridgeEvents.decode(envelope));
    }

    /** What EventBridge makes of an accepted entry: the fields around it, and the Detail text as a JSON object. */
    private static ObjectNode deliveredAsEventBridgeDoes(JsonNode entry) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("version", "0")
                .put("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718")
                .put("detail-type", entry.path("DetailType").asText())
                .put("source", entry.path("Source").asText())
                .put("account", "123456789012")
                .put("time", Instant.ofEpochSecond((long) entry.path("Time").asDouble()).toString())
                .put("region", "eu-west-1");
        envelope.putArray("resources");
        envelope.set("detail", read(entry.path("Detail").asText()));
        return envelope;
    }

    private static String envelope(String detailType, String detail) {
        return "{\"version\":\"0\",\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"detail-type\":\"" + detailType
                + "\",\"source\":\"herald.game\",\"account\":\"123456789012\",\"time\":\"" + ENVELOPE_TIME
                + "\",\"region\":\"eu-west-1\",\"resources\":[],\"detail\":" + detail + "}";
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope as a Lambda runtime hands over a {@code Map<String, Object>} input. */
    private static Map<String, Object> asMap(JsonNode envelope) {
        return new HashMap<>(JSON.convertValue(envelope, new TypeReference<Map<String, Object>>() { }));
    }
}
