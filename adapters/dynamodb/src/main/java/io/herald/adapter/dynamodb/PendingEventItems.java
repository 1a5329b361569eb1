package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.domain.EventType;
import io.herald.domain.GameEvent;
import io.herald.domain.Milestone;
import io.herald.domain.NodeComplete;
import io.herald.domain.NodeId;
import io.herald.domain.ObjectArrive;
import io.herald.domain.ObjectId;
import io.herald.domain.PeriodicCheck;
import io.herald.domain.PlayerId;
import io.herald.domain.PuzzleId;
import io.herald.domain.PuzzleSubmit;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A held game event to and from its item: every field the event is rebuilt from, so it keeps its deterministic id. */
final class PendingEventItems {
    static final String ACCEPTED_AT = "acceptedAt";
    private static final String EVENT_TYPE = "eventType";
    private static final String SESSION_ID = "sessionId";
    private static final String PLAYER_ID = "playerId";
    private static final String NODE_ID = "nodeId";
    private static final String OBJECT_ID = "objectId";
    private static final String PUZZLE_ID = "puzzleId";
    private static final String CORRECT = "correct";
    private static final String ATTEMPT = "attempt";
    private static final String OCCURRED_AT = "occurredAt";

    private PendingEventItems() {
    }

    static Map<String, AttributeValue> fields(GameEvent event, Instant acceptedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ACCEPTED_AT, s(Timestamps.format(acceptedAt)));
        item.put(EVENT_TYPE, s(event.type().wireName()));
        item.put(SESSION_ID, s(event.session().value()));
        item.put(OCCURRED_AT, s(Timestamps.format(event.at())));
        event.actor().ifPresent(player -> item.put(PLAYER_ID, s(player.value())));
        item.putAll(switch (event) {
            case NodeComplete node -> Map.of(NODE_ID, s(node.nodeId().value()));
            case ObjectArrive arrive -> Map.of(OBJECT_ID, s(arrive.objectId().value()));
            case PuzzleSubmit puzzle -> Map.of(PUZZLE_ID, s(puzzle.puzzleId().value()),
                    CORRECT, AttributeValue.fromBool(puzzle.correct()),
                    ATTEMPT, DynamoDbTable.n(Integer.toString(puzzle.attempt())));
            case Milestone milestone -> Map.of(OBJECT_ID, s(milestone.objectId().value()));
            case PeriodicCheck check -> Map.<String, AttributeValue>of();
        });
        return item;
    }

    static GameEvent event(Map<String, AttributeValue> item) {
        String type = MessageItems.text(item, EVENT_TYPE);
        SessionId session = new SessionId(MessageItems.text(item, SESSION_ID));
        Instant at = MessageItems.instant(item, OCCURRED_AT);
        return switch (EventType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("a held event has an unknown type: " + type))) {
            case NODE_COMPLETE -> new NodeComplete(session, player(item), new NodeId(MessageItems.text(item, NODE_ID)),
                    at);
            case OBJECT_ARRIVE -> new ObjectArrive(session, player(item),
                    new ObjectId(MessageItems.text(item, OBJECT_ID)), at);
            case PUZZLE_SUBMIT -> new PuzzleSubmit(session, player(item), new PuzzleId(MessageItems.text(item, PUZZLE_ID)),
                    item.get(CORRECT).bool(), Integer.parseInt(item.get(ATTEMPT).n()), at);
            case MILESTONE -> new Milestone(session, new ObjectId(MessageItems.text(item, OBJECT_ID)), at);
            case PERIODIC_CHECK -> new PeriodicCheck(session, at);
        };
    }

    private static PlayerId player(Map<String, AttributeValue> item) {
        return new PlayerId(MessageItems.text(item, PLAYER_ID));
    }
}
