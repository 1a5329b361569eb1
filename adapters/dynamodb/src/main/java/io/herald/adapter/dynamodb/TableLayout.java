package io.herald.adapter.dynamodb;

import io.herald.domain.ConnectionId;
import io.herald.domain.EventId;
import io.herald.domain.InboxKey;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.TeamCode;
import java.time.Duration;

/**
 * The single-table layout (README: Storage layout) in one place: key shapes, index names, attribute names and retention.
 * The SAM template and the table creator both read from here, so the layout cannot drift between shapes.
 */
public final class TableLayout {
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Player inbox: every copy of a player, by creation time. */
    public static final String INBOX_INDEX = "gsi1";
    public static final String INBOX_PK = "gsi1pk";
    public static final String INBOX_SK = "gsi1sk";
    /** Sparse index of what is still owed: its key exists only until the delivered ack removes it. */
    public static final String OWED_INDEX = "owed";
    public static final String OWED_PK = "owedpk";
    public static final String OWED_SK = "owedsk";
    /** Epoch seconds; DynamoDB's TTL deletes the item some time after it. */
    public static final String TTL = "expiresAt";

    public static final Duration CONNECTION_TTL = Duration.ofHours(24);

    private TableLayout() {
    }

    public static String sessionPartition(SessionId session) {
        return "SESSION#" + session.value();
    }

    public static String playerPartition(SessionId session, PlayerId player) {
        return session.value() + "#" + player.value();
    }

    public static String connectionPartition(ConnectionId connection) {
        return "CONN#" + connection.value();
    }

    /** One of the few partitions that hold events accepted and not yet orchestrated. */
    public static String pendingPartition(int partition) {
        return "PENDING#" + partition;
    }

    public static String teamPartition(TeamCode code) {
        return "TEAM#" + code.value();
    }

    public static String copySort(InboxKey key) {
        return key.value();
    }

    public static String eventSort(EventId event) {
        return "event#" + event.value();
    }

    public static String connectionSort(ConnectionId connection) {
        return "conn#" + connection.value();
    }

    public static final String CONNECTION_PREFIX = "conn#";
    public static final String PLAYER_PREFIX = "player#";
    public static final String META = "meta";
    public static final String TEAM = "team";
    public static final String COOLDOWN = "cooldown";
    /** A key never written: reading it only waits for the store's earlier writes (see DynamoDbTable). */
    static final String BARRIER = "barrier";

    public static String playerSort(PlayerId player) {
        return PLAYER_PREFIX + player.value();
    }

    public static String arrivalPrefix(String objectId) {
        return "arrival#" + objectId + "#";
    }
}
