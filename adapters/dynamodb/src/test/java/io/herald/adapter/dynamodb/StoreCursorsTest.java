package io.herald.adapter.dynamodb;

import static io.herald.adapter.dynamodb.DynamoDbTable.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.PageCursor;
import io.herald.domain.EventId;
import io.herald.domain.InboxKey;
import io.herald.domain.MessageId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The base64 cursors are the longest any store makes, longest of all from ids of characters that take three bytes
 * in UTF-8: they must still be cursors, and read back as what they were made from.
 */
class StoreCursorsTest {
    private static final String LONGEST_ID = "\u20ac".repeat(128);
    private static final SessionId SESSION = new SessionId("s-1");
    private static final PlayerId PLAYER = new PlayerId(LONGEST_ID);

    @Test
    void a_catch_up_cursor_from_the_longest_ids_is_a_cursor_only_its_player_can_use() {
        InboxKey key = new InboxKey(PLAYER, new EventId(LONGEST_ID));
        String owedSort = Timestamps.format(Instant.parse("2026-01-09T10:30:00.123456789Z"));

        PageCursor cursor = OwedCursor.encode(Map.of(TableLayout.SK, s(key.value()), TableLayout.OWED_SK, s(owedSort)));

        assertThat(cursor.value().length()).isGreaterThan(1024).isLessThanOrEqualTo(PageCursor.MAX_LENGTH);
        assertThat(OwedCursor.decode(cursor, SESSION, PLAYER)).containsEntry(TableLayout.SK, s(key.value()))
                .containsEntry(TableLayout.OWED_SK, s(owedSort));
        assertThatThrownBy(() -> OwedCursor.decode(cursor, SESSION, new PlayerId("ben")))
                .isInstanceOf(PageCursor.Invalid.class).hasMessage("not a catch-up cursor");
    }

    @Test
    void a_history_cursor_from_the_longest_message_id_reads_back_as_its_sort_key() {
        String sort = RoomItems.messageSort(9_999_999_999_999L, new MessageId(LONGEST_ID));

        PageCursor cursor = DynamoDbRoomStore.cursorOf(sort);

        assertThat(DynamoDbRoomStore.sortOf(cursor)).isEqualTo(sort);
        assertThatThrownBy(() -> DynamoDbRoomStore.sortOf(new PageCursor("bm90LWEtbWVzc2FnZQ")))
                .isInstanceOf(PageCursor.Invalid.class).hasMessage("not a history cursor");
    }
}
