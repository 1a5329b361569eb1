package io.herald.adapter.http;

import io.herald.application.fuzz.Gen;
import io.herald.application.fuzz.JsonShapes;
import java.util.List;

/** The shared JSON shapes in the words of request bodies, so hostile text looks like what the endpoints really read. */
final class RequestShapes {
    private static final List<String> NAMES = List.of("NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone",
            "PeriodicCheck", "NODE_COMPLETED", "team", "solo");
    /** The keys request bodies have, so random objects often look like real ones. */
    private static final List<String> KEYS = List.of("sessionId", "playerId", "eventType", "nodeId", "objectId",
            "puzzleId", "correct", "attempt", "deltas", "type", "timestamp", "playerName", "teamCode", "mode",
            "travelMode");
    static final JsonShapes JSON = new JsonShapes(NAMES, KEYS);

    private RequestShapes() {
    }

    /** Nesting far past what any request needs, deltas inside deltas and inside an event's body among them. */
    static Gen<String> deeplyNested() {
        return JsonShapes.deeplyNested("deltas", "{\"sessionId\":\"s\",\"eventType\":\"Milestone\",\"deltas\":");
    }

    /** Text that is almost, or not at all, JSON, with request bodies broken in one way each among it. */
    static Gen<String> anyText() {
        return JSON.anyText("{\"sessionId\":\"s\"", "{\"sessionId\":\"s\"}x",
                "{\"sessionId\":\"s\",\"sessionId\":\"t\"}", "\ufeff{\"sessionId\":\"s\"}", "{'sessionId':'s'}");
    }
}
