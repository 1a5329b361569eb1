package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFramesTest {
    @Test
    void joined_is_read_with_its_session_and_player() {
        assertThat(WireFrames.parse("{\"type\":\"joined\",\"sessionId\":\"s1\",\"playerId\":\"p1\"}"))
                .isEqualTo(new Frame.Joined("s1", "p1"));
    }

    @Test
    void an_ai_message_is_read_by_its_sk_and_ignores_fields_it_does_not_need() {
        String text = """
                {"type":"ai_message","messageId":"m1","messageType":"individual","content":"Well done",
                 "timestamp":"2026-01-01T00:00:00Z","sk":"ai-msg#p1#NodeComplete-0123456789abcdef","sessionId":"s1"}
                """;

        assertThat(WireFrames.parse(text))
                .isEqualTo(new Frame.AiMessage("s1", "m1", "individual", "ai-msg#p1#NodeComplete-0123456789abcdef"));
    }

    @Test
    void a_runtime_delta_keeps_every_delta_in_order() {
        String text = """
                {"type":"runtime_delta","sessionId":"s1","deltas":[
                  {"type":"NODE_COMPLETED","playerId":"p1","nodeId":"node-17","timestamp":"t"},
                  {"type":"OBJECT_ARRIVED","playerId":"p2","objectId":"o1","timestamp":"t"}]}
                """;

        assertThat(WireFrames.parse(text)).isEqualTo(new Frame.RuntimeDelta("s1", List.of(
                new Frame.Delta("NODE_COMPLETED", "p1", "node-17", null),
                new Frame.Delta("OBJECT_ARRIVED", "p2", null, "o1"))));
    }

    @Test
    void an_error_keeps_its_ref_as_raw_json_whatever_its_shape() {
        assertThat(WireFrames.parse("{\"type\":\"error\",\"code\":\"NOT_JOINED\",\"message\":\"join first\","
                + "\"ref\":{\"type\":\"ping\"}}"))
                .isEqualTo(new Frame.ServerError("NOT_JOINED", "join first", "{\"type\":\"ping\"}"));
        assertThat(WireFrames.parse("{\"type\":\"error\",\"code\":\"BAD_FRAME\",\"message\":\"m\"}"))
                .isEqualTo(new Frame.ServerError("BAD_FRAME", "m", null));
    }

    @Test
    void pong_and_frames_of_other_types_are_recognised() {
        assertThat(WireFrames.parse("{\"type\":\"pong\"}")).isEqualTo(new Frame.Pong());
        assertThat(WireFrames.parse("{\"type\":\"room_update\",\"x\":1}")).isEqualTo(new Frame.Other("room_update"));
    }

    @Test
    void text_that_is_not_a_typed_json_object_is_malformed_with_a_reason() {
        assertThat(WireFrames.parse("not json")).isEqualTo(new Frame.Malformed("not JSON", "not json"));
        assertThat(WireFrames.parse("[1,2]")).isEqualTo(new Frame.Malformed("not a JSON object", "[1,2]"));
        assertThat(WireFrames.parse("{\"sk\":\"x\"}")).isEqualTo(new Frame.Malformed("no type", "{\"sk\":\"x\"}"));
    }

    @Test
    void an_ai_message_without_sk_or_a_delta_without_a_list_is_malformed() {
        assertThat(WireFrames.parse("{\"type\":\"ai_message\",\"messageId\":\"m\"}"))
                .isInstanceOf(Frame.Malformed.class);
        assertThat(WireFrames.parse("{\"type\":\"runtime_delta\",\"deltas\":{}}")).isInstanceOf(Frame.Malformed.class);
    }

    @Test
    void client_frames_carry_the_field_names_of_the_protocol() throws Exception {
        JsonNode join = WireFrames.JSON.readTree(WireFrames.joinSession("s1", "p1"));
        JsonNode ack = WireFrames.JSON.readTree(WireFrames.delivered("s1", "ai-msg#p1#e1", Instant.parse(
                "2026-03-04T05:06:07.123Z")));
        JsonNode ping = WireFrames.JSON.readTree(WireFrames.ping());

        assertThat(join).isEqualTo(WireFrames.JSON.readTree(
                "{\"type\":\"join_session\",\"sessionId\":\"s1\",\"playerId\":\"p1\"}"));
        assertThat(ack).isEqualTo(WireFrames.JSON.readTree("{\"type\":\"ai_message_delivered\",\"sessionId\":\"s1\","
                + "\"sk\":\"ai-msg#p1#e1\",\"timestamp\":\"2026-03-04T05:06:07.123Z\"}"));
        assertThat(ping).isEqualTo(WireFrames.JSON.readTree("{\"type\":\"ping\"}"));
    }

    @Test
    void a_broadcast_ai_message_says_so() {
        Frame frame = WireFrames.parse("{\"type\":\"ai_message\",\"messageId\":\"m\",\"messageType\":\"broadcast\","
                + "\"sk\":\"ai-msg#p1#Milestone-1\",\"sessionId\":\"s1\"}");

        assertThat(frame).isInstanceOfSatisfying(Frame.AiMessage.class,
                message -> assertThat(message.isBroadcast()).isTrue());
    }

    @Test
    void a_catch_up_page_lists_messages_in_the_fields_of_the_push_with_its_cursor() throws Exception {
        CatchUpPage page = WireFrames.catchUpPage("""
                {"success":true,"messages":[
                  {"messageId":"m1","messageType":"individual","content":"c","timestamp":"t","sk":"ai-msg#p1#e1",
                   "sessionId":"s1"},
                  {"messageId":"m2","messageType":"broadcast","content":"c","timestamp":"t","sk":"ai-msg#p1#e2",
                   "sessionId":"s1"}],
                 "nextCursor":"abc"}
                """);

        assertThat(page.messages()).containsExactly(new Frame.AiMessage("s1", "m1", "individual", "ai-msg#p1#e1"),
                new Frame.AiMessage("s1", "m2", "broadcast", "ai-msg#p1#e2"));
        assertThat(page.nextCursor()).contains("abc");
    }

    @Test
    void the_last_catch_up_page_has_no_cursor_and_a_page_without_messages_or_sk_is_refused() throws Exception {
        assertThat(WireFrames.catchUpPage("{\"success\":true,\"messages\":[]}").nextCursor()).isEmpty();
        assertThatThrownBy(() -> WireFrames.catchUpPage("{\"success\":true}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WireFrames.catchUpPage("{\"messages\":[{\"messageId\":\"m\"}]}"))
                .isInstanceOf(IOException.class).hasMessageContaining("without sk");
    }
}
