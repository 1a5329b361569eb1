package io.herald.adapter.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.herald.application.port.Push;
import io.herald.domain.ChatTurn;
import io.herald.domain.CharacterId;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConversationLine;
import io.herald.domain.DeltaType;
import io.herald.domain.EventId;
import io.herald.domain.EventType;
import io.herald.domain.Member;
import io.herald.domain.MessageId;
import io.herald.domain.MessageType;
import io.herald.domain.Notification;
import io.herald.domain.NotificationId;
import io.herald.domain.OutgoingMessage;
import io.herald.domain.PlayerId;
import io.herald.domain.PlayerState;
import io.herald.domain.Priority;
import io.herald.domain.RoomId;
import io.herald.domain.RoomMessage;
import io.herald.domain.RoomPosition;
import io.herald.domain.RoomText;
import io.herald.domain.RuntimeDelta;
import io.herald.domain.Sender;
import io.herald.domain.SessionId;
import io.herald.domain.Trigger;
import io.herald.domain.VoiceSession;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi.yaml} against the codec itself: every frame the server encodes has exactly the fields the document
 * gives it, every frame type the decoder takes is in the document (and nothing else is), and each documented field of
 * a client frame is really required, read or ignored as the document says.
 */
class AsyncApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IGNORED = "x-herald-ignored";
    private static JsonNode document;

    private final Frames frames = new Frames(JSON);
    private final FrameDecoder decoder = new FrameDecoder(JSON);
    private final Instant at = Instant.parse("2026-01-09T10:30:00Z");
    private final SessionId session = new SessionId("session-123");
    private final PlayerId player = new PlayerId("player-456");
    private final Member member = new Member(session, player);

    @BeforeAll
    static void read() throws Exception {
        try (InputStream yaml = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            assertThat(yaml).as("asyncapi.yaml is on the class path, so it is in the jar").isNotNull();
            document = new YAMLMapper().readTree(yaml);
        }
    }

    /** The payloads of one operation's messages, by frame type. */
    private static Map<String, JsonNode> payloads(String operation) {
        Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (JsonNode ref : document.at("/channels/~1ws/" + operation + "/message/oneOf")) {
            String name = ref.get("$ref").asText().substring("#/components/messages/".length());
            JsonNode message = document.at("/components/messages").get(name);
            assertThat(message).as(name + " is defined").isNotNull();
            JsonNode payload = message.get("payload");
            String type = payload.at("/properties/type/const").asText();
            assertThat(message.get("name").asText()).as(name).isEqualTo(type);
            assertThat(byType.put(type, payload)).as(type + " is listed once").isNull();
        }
        return byType;
    }

    private static Set<String> names(Iterator<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEachRemaining(set::add);
        return set;
    }

    private static Set<String> required(JsonNode payload) {
        Set<String> set = new TreeSet<>();
        payload.path("required").forEach(n -> set.add(n.asText()));
        return set;
    }

    // ---- server → client ----

    /** At least one frame of every kind the server sends, and of each optional field both with and without it. */
    private List<String> everyServerFrame() {
        VoiceSession voice = new VoiceSession("v-1", new ConnectionId("c-1"), member, "opus", 48_000, at, 3, 900);
        RoomMessage said = new RoomMessage(new RoomId("lobby"), 3, 1764567000123L, new MessageId("m-1"), member,
                new RoomText("hello"), at);
        OutgoingMessage outgoing = new OutgoingMessage(new MessageId("msg-uuid"), MessageType.INDIVIDUAL, session,
                List.of(player), Sender.AI, "Great job!", new Trigger(new EventId("NodeComplete-7f8a9b2c"),
                        EventType.NODE_COMPLETE), at);
        Set<Class<?>> kinds = new HashSet<>();
        List<Push> samples = List.of(
                new Push.AiMessage(outgoing.fanOut().getFirst()),
                new Push.RuntimeDeltas(session, List.of(new RuntimeDelta(DeltaType.NODE_COMPLETED,
                        Map.of("playerId", "player-456", "nodeId", "n-1"), at))),
                new Push.PlayerStateUpdate(session, player, new PlayerState(Map.of("x", 1.5, "zone", "north"))),
                new Push.ChatReply(new ChatTurn("t-1", member, new CharacterId("sage"), ChatTurn.Role.CHARACTER,
                        new RoomText("hi"), at, Optional.of("llm-1"))),
                new Push.CharacterLine(new ConversationLine("conv-1", 0, session, new CharacterId("sage"),
                        new RoomText("hm"), at, Optional.empty())),
                new Push.VoiceStarted(voice),
                new Push.VoiceChunk(voice, 2, "AAAA"),
                new Push.VoiceEnded(voice),
                new Push.NotificationSent(new Notification(new NotificationId("n-1"), member, "quest", "Title",
                        "Message", Priority.HIGH, "{\"k\":1}", Optional.empty(), at, Optional.empty(), Optional.empty())),
                new Push.RoomMessageSaid(said),
                new Push.RoomSubscribed(new RoomId("lobby"), true, 2, new RoomPosition(3, 1764567000123L)),
                new Push.Relayed("{\"type\":\"pong\"}", 0));
        List<String> encoded = new ArrayList<>();
        for (Push push : samples) {
            kinds.add(push.getClass());
            encoded.add(frames.encode(push));
        }
        assertThat(kinds).as("a sample of every kind of push, so a new kind cannot go undocumented")
                .containsExactlyInAnyOrder(Push.class.getPermittedSubclasses());
        encoded.addAll(List.of(
                frames.joined(session, player),
                frames.pong(),
                frames.error("not_a_member", "no", Optional.of("r-1")),
                frames.error("invalid_json", "no", Optional.empty()),
                frames.rateLimited("slow down", 1200, Optional.empty()),
                frames.voiceStarted(voice),
                frames.voiceEnded(voice),
                frames.notificationUpdated("n-1", true),
                frames.notificationsRead(4),
                frames.roomSent(said, false, Optional.of("c-1")),
                frames.roomSent(said, true, Optional.empty()),
                frames.roomUnsubscribed(new RoomId("lobby"))));
        return encoded;
    }

    @Test
    void every_frame_the_server_sends_has_exactly_the_documented_fields() throws Exception {
        Map<String, JsonNode> documented = payloads("subscribe");
        Map<String, Set<String>> seen = new TreeMap<>();
        Map<String, Set<String>> always = new TreeMap<>();
        for (String text : everyServerFrame()) {
            JsonNode frame = JSON.readTree(text);
            String type = frame.get("type").asText();
            Set<String> fields = names(frame.fieldNames());
            seen.computeIfAbsent(type, t -> new TreeSet<>()).addAll(fields);
            always.computeIfAbsent(type, t -> new TreeSet<>(fields)).retainAll(fields);
        }

        assertThat(seen.keySet()).as("frame types the server sends").isEqualTo(new TreeSet<>(documented.keySet()));
        seen.forEach((type, fields) -> {
            JsonNode payload = documented.get(type);
            assertThat(fields).as(type + "'s fields").isEqualTo(names(payload.get("properties").fieldNames()));
            assertThat(always.get(type)).as(type + "'s fields that are always there").isEqualTo(required(payload));
        });
    }

    // ---- client → server ----

    @Test
    void the_decoder_takes_exactly_the_documented_frame_types() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/herald/adapter/protocol/FrameDecoder.java"));
        Matcher cases = Pattern.compile("case \"([a-z_]+)\" ->").matcher(source);
        Set<String> decoded = new TreeSet<>();
        while (cases.find()) {
            decoded.add(cases.group(1));
        }

        assertThat(decoded).as("the frame types FrameDecoder switches on").isNotEmpty()
                .isEqualTo(new TreeSet<>(payloads("publish").keySet()));
        assertThat(decoder.decode("{\"type\":\"not_in_the_document\"}"))
                .isInstanceOfSatisfying(FrameDecoder.Invalid.class, i -> assertThat(i.error().code()).isEqualTo("unknown_type"));
    }

    @Test
    void every_documented_client_frame_decodes_with_its_examples_and_reaches_every_kind_of_inbound() {
        Set<Class<?>> reached = new HashSet<>();
        payloads("publish").forEach((type, payload) -> {
            ObjectNode full = frame(type, payload, false);
            ObjectNode minimal = frame(type, payload, true);

            assertThat(decoder.decode(full.toString())).as(full.toString()).isInstanceOfSatisfying(FrameDecoder.Valid.class,
                    valid -> reached.add(valid.frame().getClass()));
            assertThat(decoder.decode(minimal.toString())).as(minimal.toString()).isInstanceOf(FrameDecoder.Valid.class);
        });

        assertThat(reached).as("every kind of inbound frame is documented")
                .containsExactlyInAnyOrder(Inbound.class.getPermittedSubclasses());
    }

    @Test
    void each_documented_field_is_required_read_or_ignored_as_the_document_says() {
        payloads("publish").forEach((type, payload) -> {
            Set<String> required = required(payload);
            payload.get("properties").properties().forEach(property -> {
                String field = property.getKey();
                if (field.equals("type") || field.equals("ref")) {
                    return;
                }
                ObjectNode frame = frame(type, payload, false);
                if (required.contains(field)) {
                    frame.remove(field);
                    assertThat(decoder.decode(frame.toString())).as(type + " without " + field)
                            .isInstanceOfSatisfying(FrameDecoder.Invalid.class,
                                    i -> assertThat(i.error().code()).isEqualTo("missing_field"));
                    return;
                }
                frame.putArray(field);
                if (property.getValue().path(IGNORED).asBoolean()) {
                    assertThat(decoder.decode(frame.toString())).as(type + " with a nonsense " + field + ", which is ignored")
                            .isInstanceOf(FrameDecoder.Valid.class);
                } else {
                    assertThat(decoder.decode(frame.toString())).as(type + " with a nonsense " + field + ", which is read")
                            .isInstanceOf(FrameDecoder.Invalid.class);
                }
            });
        });
    }

    @Test
    void every_documented_field_has_an_example_or_is_the_type_or_ref() {
        payloads("publish").forEach((type, payload) -> payload.get("properties").properties().forEach(property -> {
            if (!Set.of("type", "ref").contains(property.getKey())) {
                assertThat(property.getValue().path("examples").isArray()).as(type + "." + property.getKey()).isTrue();
            }
        }));
    }

    /** A frame of {@code type} from the document's examples: every field, or only the required ones. */
    private static ObjectNode frame(String type, JsonNode payload, boolean onlyRequired) {
        Set<String> required = required(payload);
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        payload.get("properties").properties().forEach(property -> {
            String field = property.getKey();
            if (field.equals("type") || field.equals("ref") || onlyRequired && !required.contains(field)) {
                return;
            }
            frame.set(field, property.getValue().get("examples").get(0));
        });
        if (!onlyRequired) {
            frame.put("ref", "r-1");
        }
        return frame;
    }
}
