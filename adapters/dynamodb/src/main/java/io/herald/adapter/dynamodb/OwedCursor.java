package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;

import io.herald.application.port.PageCursor;
import io.herald.domain.InboxKey;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The catch-up cursor handed to clients: the LastEvaluatedKey of the owed index, minus what the query itself
 * fixes. It is checked on the way back in, so a cursor can never reach another player's inbox.
 */
final class OwedCursor {
    private OwedCursor() {
    }

    static PageCursor encode(Map<String, AttributeValue> lastEvaluatedKey) {
        String raw = lastEvaluatedKey.get(TableLayout.SK).s() + "\n" + lastEvaluatedKey.get(TableLayout.OWED_SK).s();
        return new PageCursor(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws PageCursor.Invalid for a cursor this store did not give out, or gave to another player */
    static Map<String, AttributeValue> decode(PageCursor cursor, SessionId session, PlayerId player) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.value()), StandardCharsets.UTF_8);
            int newline = raw.indexOf('\n');
            InboxKey key = InboxKey.parse(raw.substring(0, Math.max(newline, 0)));
            String owedSort = raw.substring(newline + 1);
            Timestamps.parse(owedSort);
            if (!key.belongsTo(player)) {
                throw new IllegalArgumentException("invalid cursor: it belongs to another inbox");
            }
            return Map.of(TableLayout.PK, s(TableLayout.sessionPartition(session)),
                    TableLayout.SK, s(key.value()),
                    TableLayout.OWED_PK, s(TableLayout.playerPartition(session, player)),
                    TableLayout.OWED_SK, s(owedSort));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw PageCursor.notA("catch-up");
        }
    }
}
