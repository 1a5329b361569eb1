package io.herald.adapter.protocol;

import io.herald.application.fuzz.Gen;
import io.herald.application.fuzz.JsonShapes;
import io.herald.application.fuzz.JsonString;
import java.util.List;

/** The shared JSON shapes in the words of frames, and the frames themselves, so the decoder meets what clients send. */
final class FrameShapes {
    private static final List<String> FRAME_TYPES = List.of("join_session", "join", "ai_message_delivered",
            "ai_message_read", "player_state_update", "ping", "room_subscribe", "room_unsubscribe", "room_send",
            "room_read");
    private static final List<String> FRAME_KEYS = List.of("type", "ref", "sessionId", "playerId", "sk", "state",
            "timestamp", "playerName", "roomId", "text", "clientMessageId", "since", "offset", "epoch", "senderId");
    static final JsonShapes JSON = new JsonShapes(FRAME_TYPES, FRAME_KEYS);

    private FrameShapes() {
    }

    /** Objects that look like frames: loosely assembled ones, well-formed ones of each type, and state updates. */
    static Gen<String> frames(Gen<String> ids) {
        return Gen.oneOf(looseFrames(ids), typedFrames(ids), stateUpdates());
    }

    private static Gen<String> looseFrames(Gen<String> ids) {
        Gen<String> type = Gen.weighted(8, Gen.of(FRAME_TYPES).map(JsonString::quote), 1, JSON.values(2));
        Gen<String> field = Gen.weighted(4, ids.map(JsonString::quote), 2, JSON.values(2),
                2, JsonShapes.object(JsonShapes.alpha(0, 6), JSON.scalars(), 6));
        Gen<String> entries = JsonShapes.object(Gen.of(FRAME_KEYS), field, 5);
        return random -> {
            String rest = entries.next(random);
            return "{\"type\":" + type.next(random) + (rest.length() > 2 ? "," + rest.substring(1) : "}");
        };
    }

    /** Every field a type needs, taken from {@code ids} (so some are real), sometimes with a ref. */
    private static Gen<String> typedFrames(Gen<String> ids) {
        Gen<String> id = ids.map(JsonString::quote);
        Gen<String> ref = Gen.oneOf(Gen.of(""), JsonShapes.text(100).map(r -> ",\"ref\":" + JsonString.quote(r)));
        return Gen.oneOf(
                random -> "{\"type\":\"join_session\",\"sessionId\":" + id.next(random) + ",\"playerId\":" + id.next(random)
                        + ref.next(random) + "}",
                random -> "{\"type\":\"join\",\"sessionId\":" + id.next(random) + ",\"playerName\":\"Ana\""
                        + ref.next(random) + "}",
                random -> "{\"type\":\"" + Gen.of("ai_message_delivered", "ai_message_read").next(random) + "\",\"sessionId\":"
                        + id.next(random) + ",\"sk\":" + id.next(random) + ",\"timestamp\":\"2026-01-09T10:30:00Z\""
                        + ref.next(random) + "}",
                random -> "{\"type\":\"ping\"" + ref.next(random) + "}",
                random -> "{\"type\":\"room_subscribe\",\"roomId\":" + id.next(random) + since(random)
                        + ref.next(random) + "}",
                random -> "{\"type\":\"room_unsubscribe\",\"roomId\":" + id.next(random) + ref.next(random) + "}",
                random -> "{\"type\":\"room_send\",\"roomId\":" + id.next(random) + ",\"text\":"
                        + JsonString.quote(JsonShapes.text(40).next(random))
                        + (random.nextBoolean() ? ",\"clientMessageId\":" + id.next(random) : "")
                        + (random.nextInt(4) == 0 ? ",\"senderId\":" + id.next(random) : "") + ref.next(random) + "}",
                random -> "{\"type\":\"room_read\",\"roomId\":" + id.next(random) + position(random)
                        + ref.next(random) + "}");
    }

    private static String since(java.util.Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "";
            case 1 -> ",\"since\":{" + position(random).substring(1) + "}";
            default -> ",\"since\":" + JSON.values(2).next(random);
        };
    }

    /** {@code ,"offset":…,"epoch":…} with numbers of every kind, some of them not whole or out of range. */
    private static String position(java.util.Random random) {
        Gen<String> number = Gen.weighted(6, (Gen<String>) r -> String.valueOf(r.nextInt(5)), 2, JsonShapes.numbers(),
                1, JSON.values(1));
        return ",\"offset\":" + number.next(random) + ",\"epoch\":" + number.next(random);
    }

    /** State updates of every size and shape: nested, over-long keys and texts, more fields than allowed. */
    static Gen<String> stateUpdates() {
        Gen<String> key = Gen.weighted(30, JsonShapes.alpha(1, 8), 1, JsonShapes.text(300));
        Gen<String> value = Gen.weighted(
                20, JsonShapes.longs().map(String::valueOf),
                20, JsonShapes.doubles().map(String::valueOf),
                20, JsonShapes.text(20).map(JsonString::quote),
                10, Gen.of("true", "false"),
                2, (Gen<String>) random -> JsonString.quote("x".repeat(257 + random.nextInt(150))),
                2, JsonShapes.numbers(),
                1, JSON.values(2));
        Gen<String> fields = JsonShapes.object(key, value, 40);
        return random -> {
            String state = fields.next(random);
            return random.nextBoolean()
                    ? "{\"type\":\"player_state_update\",\"state\":" + state + "}"
                    : "{\"type\":\"player_state_update\"" + (state.length() > 2 ? "," + state.substring(1) : "}");
        };
    }

    /** Nesting far past what any frame needs, states inside states and inside a state update among them. */
    static Gen<String> deeplyNested() {
        return JsonShapes.deeplyNested("state", "{\"type\":\"player_state_update\",\"state\":");
    }

    /** Text that is almost, or not at all, JSON, with frames broken in one way each among it. */
    static Gen<String> anyText() {
        return JSON.anyText("{\"type\":\"ping\"", "{\"type\":\"ping\"}x", "{\"type\":\"ping\",\"type\":\"join\"}",
                "\ufeff{\"type\":\"ping\"}", "{'type':'ping'}");
    }
}
