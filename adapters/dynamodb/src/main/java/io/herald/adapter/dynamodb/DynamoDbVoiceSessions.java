package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.key;
import static io.herald.adapter.dynamodb.DynamoDbTable.n;
import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.VoiceSessions;
import io.herald.domain.ConnectionId;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.VoiceSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Voice sessions in the table, for the Lambda shape, where each frame may reach another instance: one item per
 * connection ({@code CONN#{connectionId}} / {@code voice}), expiring with the connection. Each chunk costs a read and
 * a write here; a server keeps its sessions in memory instead.
 */
public final class DynamoDbVoiceSessions implements VoiceSessions {
    private static final String VOICE = "voice";

    private final DynamoDbTable table;

    public DynamoDbVoiceSessions(DynamoDbTable table) {
        this.table = table;
    }

    @Override
    public boolean start(VoiceSession session) {
        Map<String, AttributeValue> item = new HashMap<>(key(TableLayout.connectionPartition(session.connection()), VOICE));
        item.put("voiceId", s(session.id()));
        item.put("sessionId", s(session.speaker().session().value()));
        item.put("playerId", s(session.speaker().player().value()));
        item.put("format", s(session.format()));
        item.put("sampleRate", n(Integer.toString(session.sampleRate())));
        item.put("startedAt", s(Timestamps.format(session.startedAt())));
        item.put("chunks", n(Long.toString(session.chunks())));
        item.put("bytes", n(Long.toString(session.bytes())));
        item.put(TableLayout.TTL, n(Timestamps.ttl(session.startedAt().plus(TableLayout.CONNECTION_TTL))));
        try {
            table.call("voice start", () -> table.client().putItem(p -> p.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableLayout.PK))));
            return true;
        } catch (ConditionalCheckFailedException speaking) {
            return false;
        }
    }

    @Override
    public Optional<VoiceSession> find(ConnectionId connection) {
        return table.get(TableLayout.connectionPartition(connection), VOICE).map(item -> fromItem(connection, item));
    }

    @Override
    public void update(VoiceSession session) {
        try {
            table.call("voice chunk", () -> table.client().updateItem(u -> u.tableName(table.name())
                    .key(key(TableLayout.connectionPartition(session.connection()), VOICE))
                    .updateExpression("SET #chunks = :chunks, #bytes = :bytes")
                    .conditionExpression("#voice = :voice")
                    .expressionAttributeNames(Map.of("#chunks", "chunks", "#bytes", "bytes", "#voice", "voiceId"))
                    .expressionAttributeValues(Map.of(":chunks", n(Long.toString(session.chunks())),
                            ":bytes", n(Long.toString(session.bytes())), ":voice", s(session.id())))));
        } catch (ConditionalCheckFailedException endedMeanwhile) {
            // the session ended (or another began) while this chunk was on its way: nothing to count it in
        }
    }

    @Override
    public Optional<VoiceSession> end(ConnectionId connection) {
        Map<String, AttributeValue> old = table.call("voice end", () -> table.client().deleteItem(d -> d
                .tableName(table.name()).key(key(TableLayout.connectionPartition(connection), VOICE))
                .returnValues(ReturnValue.ALL_OLD))).attributes();
        return old == null || old.isEmpty() ? Optional.empty() : Optional.of(fromItem(connection, old));
    }

    private static VoiceSession fromItem(ConnectionId connection, Map<String, AttributeValue> item) {
        return new VoiceSession(item.get("voiceId").s(), connection,
                new Member(new SessionId(item.get("sessionId").s()), new PlayerId(item.get("playerId").s())),
                item.get("format").s(), Integer.parseInt(item.get("sampleRate").n()),
                Timestamps.parse(item.get("startedAt").s()), Long.parseLong(item.get("chunks").n()),
                Long.parseLong(item.get("bytes").n()));
    }
}
