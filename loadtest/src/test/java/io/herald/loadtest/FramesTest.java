package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {
    @Test
    void joined_is_read_with_its_session_and_player() {
        assertThat(Frames.parse("{\"type\":\"joined\",\"sessionId\":\"s1\",\"playerId\":\"p1\"}"))
                .isEqualTo(new Frame.Joined("s1", "p1"));
    }

    @Test
    void an_ai_message_is_read_by_its_sk_and_ignores_fields_it_does_not_need() {
        String text = """
                {"type":"ai_message","messageId":"m1","messageType":"individual","content":"Well done",
                 "timestamp":"2026-01-01T00:00:00Z","sk":"ai-msg#p1#NodeComplete-0123456789abcdef","sessionId":"s1"}
                """;

        assertThat(Frames.parse(text))
                .isEqualTo(new Frame.AiMessage("s1", "m1", "ai-msg#p1#NodeComplete-0123456789abcdef"));
    }

    @Test
    void a_runtime_delta_keeps_every_delta_in_order() {
        String text = """
                {"type":"runtime_delta","sessionId":"s1","deltas":[
                  {"type":"NODE_COMPLETED","playerId":"p1","nodeId":"node-17","timestamp":"t"},
                  {"type":"OBJECT_ARRIVED","playerId":"p2","objectId":"o1","timestamp":"t"}]}
                """;

        assertThat(Frames.parse(text)).isEqualTo(new Frame.RuntimeDelta("s1", List.of(
                new Frame.Delta("NODE_COMPLETED", "p1", "node-17"), new Frame.Delta("OBJECT_ARRIVED", "p2", null))));
    }

    @Test
    void an_error_keeps_its_ref_as_raw_json_whatever_its_shape() {
        assertThat(Frames.parse("{\"type\":\"error\",\"code\":\"NOT_JOINED\",\"message\":\"join first\","
                + "\"ref\":{\"type\":\"ping\"}}"))
                .isEqualTo(new Frame.ServerError("NOT_JOINED", "join first", "{\"type\":\"ping\"}"));
        assertThat(Frames.parse("{\"type\":\"error\",\"code\":\"BAD_FRAME\",\"message\":\"m\"}"))
                .isEqualTo(new Frame.ServerError("BAD_FRAME", "m", null));
    }

    @Test
    void pong_and_frames_of_other_types_are_recognised() {
        assertThat(Frames.parse("{\"type\":\"pong\"}")).isEqualTo(new Frame.Pong());
        assertThat(Frames.parse("{\"type\":\"room_update\",\"x\":1}")).isEqualTo(new Frame.Other("room_update"));
    }

    @Test
    void text_that_is_not_a_typed_json_object_is_malformed_with_a_reason() {
        assertThat(Frames.parse("not json")).isEqualTo(new Frame.Malformed("not JSON", "not json"));
        assertThat(Frames.parse("[1,2]")).isEqualTo(new Frame.Malformed("not a JSON object", "[1,2]"));
        assertThat(Frames.parse("{\"sk\":\"x\"}")).isEqualTo(new Frame.Malformed("no type", "{\"sk\":\"x\"}"));
    }

    @Test
    void an_ai_message_without_sk_or_a_delta_without_a_list_is_malformed() {
        assertThat(Frames.parse("{\"type\":\"ai_message\",\"messageId\":\"m\"}"))
                .isInstanceOf(Frame.Malformed.class);
        assertThat(Frames.parse("{\"type\":\"runtime_delta\",\"deltas\":{}}")).isInstanceOf(Frame.Malformed.class);
    }

    @Test
    void client_frames_carry_the_field_names_of_the_protocol() throws Exception {
        JsonNode join = Frames.JSON.readTree(Frames.joinSession("s1", "p1"));
        JsonNode ack = Frames.JSON.readTree(Frames.delivered("s1", "ai-msg#p1#e1", Instant.parse(
                "2026-03-04T05:06:07.123Z")));
        JsonNode ping = Frames.JSON.readTree(Frames.ping());

        assertThat(join).isEqualTo(Frames.JSON.readTree(
                "{\"type\":\"join_session\",\"sessionId\":\"s1\",\"playerId\":\"p1\"}"));
        assertThat(ack).isEqualTo(Frames.JSON.readTree("{\"type\":\"ai_message_delivered\",\"sessionId\":\"s1\","
                + "\"sk\":\"ai-msg#p1#e1\",\"timestamp\":\"2026-03-04T05:06:07.123Z\"}"));
        assertThat(ping).isEqualTo(Frames.JSON.readTree("{\"type\":\"ping\"}"));
    }
}
