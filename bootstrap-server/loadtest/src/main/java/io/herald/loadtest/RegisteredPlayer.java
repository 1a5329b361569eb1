package io.herald.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** One registered player as {@code POST /api/teams} returned it: everything needed to connect and to post events. */
record RegisteredPlayer(String teamCode, String sessionId, String playerId, String playerName, String websocketUrl,
        String token) {

    static RegisteredPlayer fromJson(String body) throws IOException {
        JsonNode root = WireFrames.JSON.readTree(body);
        JsonNode session = root.path("session");
        RegisteredPlayer registration = new RegisteredPlayer(text(root, "teamCode"), text(session, "sessionId"),
                text(session, "playerId"), text(session, "playerName"), text(root, "websocketUrl"),
                text(root, "token"));
        if (registration.teamCode() == null || registration.sessionId() == null || registration.playerId() == null
                || registration.websocketUrl() == null || registration.token() == null) {
            throw new IOException("registration response lacks teamCode, session.sessionId, session.playerId, "
                    + "websocketUrl or token: " + Failures.abbreviate(body));
        }
        return registration;
    }

    /** The {@code sk} the server gives this player's copy of the AI message an event produces. */
    String inboxKey(String eventId) {
        return "ai-msg#" + playerId + "#" + eventId;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
