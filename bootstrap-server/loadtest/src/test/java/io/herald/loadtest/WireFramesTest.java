package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    @Test
    void a_room_message_is_read_with_its_position_ids_and_text() {
        String text = """
                {"type":"room_message","roomId":"lt-r0","offset":17,"epoch":1764567000123,"messageId":"m-17",
                 "senderId":"p1","senderSessionId":"s1","text":"r0-s1-L3","ts":"2026-12-01T06:00:00Z"}
                """;

        assertThat(WireFrames.parse(text)).isEqualTo(new Frame.RoomMessage("lt-r0", 17, 1764567000123L, "m-17", "p1",
                "r0-s1-L3"));
    }

    @Test
    void room_subscribed_and_room_sent_are_read_with_their_positions() {
        assertThat(WireFrames.parse("{\"type\":\"room_subscribed\",\"roomId\":\"r\",\"recovered\":true,"
                + "\"replayed\":100,\"offset\":201,\"epoch\":5}"))
                .isEqualTo(new Frame.RoomSubscribed("r", true, 100, 201, 5));
        assertThat(WireFrames.parse("{\"type\":\"room_sent\",\"roomId\":\"r\",\"offset\":3,\"epoch\":5,"
                + "\"messageId\":\"m3\",\"repeated\":false,\"clientMessageId\":\"r0-s0-L1\"}"))
                .isEqualTo(new Frame.RoomSent("r", 3, 5, "m3", false, "r0-s0-L1"));
    }

    @Test
    void a_room_frame_without_a_whole_offset_or_epoch_or_its_ids_is_malformed() {
        assertThat(WireFrames.parse("{\"type\":\"room_message\",\"roomId\":\"r\",\"offset\":\"3\",\"epoch\":5,"
                + "\"messageId\":\"m\"}")).isInstanceOf(Frame.Malformed.class);
        assertThat(WireFrames.parse("{\"type\":\"room_message\",\"roomId\":\"r\",\"offset\":3.5,\"epoch\":5,"
                + "\"messageId\":\"m\"}")).isInstanceOf(Frame.Malformed.class);
        assertThat(WireFrames.parse("{\"type\":\"room_message\",\"offset\":3,\"epoch\":5,\"messageId\":\"m\"}"))
                .isInstanceOf(Frame.Malformed.class);
        assertThat(WireFrames.parse("{\"type\":\"room_subscribed\",\"roomId\":\"r\",\"recovered\":\"yes\","
                + "\"replayed\":0,\"offset\":0,\"epoch\":5}")).isInstanceOf(Frame.Malformed.class);
        assertThat(WireFrames.parse("{\"type\":\"room_sent\",\"roomId\":\"r\",\"offset\":3,\"epoch\":5}"))
                .isInstanceOf(Frame.Malformed.class);
    }

    @Test
    void an_error_ref_reads_back_as_the_text_the_client_put_in_it() {
        Frame.ServerError limited = (Frame.ServerError) WireFrames.parse("{\"type\":\"error\",\"code\":"
                + "\"rate_limited\",\"message\":\"slow down\",\"retryAfterMs\":200,\"ref\":\"r0-s0-L9\"}");

        assertThat(limited.refText()).contains("r0-s0-L9");
        assertThat(new Frame.ServerError("c", "m", "{\"type\":\"ping\"}").refText()).isEmpty();
        assertThat(new Frame.ServerError("c", "m", null).refText()).isEmpty();
    }

    @Test
    void room_client_frames_carry_the_field_names_of_the_protocol_and_name_themselves_in_ref() throws Exception {
        JsonNode fresh = WireFrames.JSON.readTree(WireFrames.roomSubscribe("lt-r1", Optional.empty()));
        JsonNode since = WireFrames.JSON.readTree(WireFrames.roomSubscribe("lt-r1",
                Optional.of(new SeenPosition(100, 7))));
        JsonNode send = WireFrames.JSON.readTree(WireFrames.roomSend("lt-r1", "r1-s0-L1", "r1-s0-L1"));

        assertThat(fresh).isEqualTo(WireFrames.JSON.readTree(
                "{\"type\":\"room_subscribe\",\"roomId\":\"lt-r1\",\"ref\":\"subscribe\"}"));
        assertThat(since).isEqualTo(WireFrames.JSON.readTree("{\"type\":\"room_subscribe\",\"roomId\":\"lt-r1\","
                + "\"ref\":\"subscribe\",\"since\":{\"offset\":100,\"epoch\":7}}"));
        assertThat(send).isEqualTo(WireFrames.JSON.readTree("{\"type\":\"room_send\",\"roomId\":\"lt-r1\","
                + "\"text\":\"r1-s0-L1\",\"clientMessageId\":\"r1-s0-L1\",\"ref\":\"r1-s0-L1\"}"));
    }

    @Test
    void a_room_history_page_lists_messages_newest_first_with_its_cursor() throws Exception {
        RoomHistoryPage page = WireFrames.roomHistoryPage("""
                {"roomId":"r","order":"newest-first","messages":[
                  {"roomId":"r","offset":2,"epoch":5,"messageId":"m2","senderId":"p","senderSessionId":"s",
                   "text":"b","ts":"t"},
                  {"roomId":"r","offset":1,"epoch":5,"messageId":"m1","senderId":"p","senderSessionId":"s",
                   "text":"a","ts":"t"}],
                 "nextCursor":"c1"}
                """);

        assertThat(page.messages()).containsExactly(new Frame.RoomMessage("r", 2, 5, "m2", "p", "b"),
                new Frame.RoomMessage("r", 1, 5, "m1", "p", "a"));
        assertThat(page.nextCursor()).contains("c1");
    }

    @Test
    void the_last_history_page_has_no_cursor_and_a_page_without_messages_or_offsets_is_refused() throws Exception {
        assertThat(WireFrames.roomHistoryPage("{\"roomId\":\"r\",\"messages\":[]}").nextCursor()).isEmpty();
        assertThatThrownBy(() -> WireFrames.roomHistoryPage("{\"roomId\":\"r\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WireFrames.roomHistoryPage("{\"messages\":[{\"roomId\":\"r\",\"messageId\":\"m\"}]}"))
                .isInstanceOf(IOException.class).hasMessageContaining("without roomId, offset");
    }
}
