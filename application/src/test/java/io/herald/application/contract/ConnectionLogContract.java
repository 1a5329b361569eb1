package io.herald.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.ConnectionLog;
import io.herald.application.port.PageCursor;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.ConnectionStatus;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionLog} keeps: records by id, player, session and all; activity; status; forgetting. */
public abstract class ConnectionLogContract {
    private static final Instant T0 = ContractTime.base();
    private final SessionId session = new SessionId("s-" + UUID.randomUUID());
    private final Member ana = new Member(session, new PlayerId("ana"));
    private final Member ben = new Member(session, new PlayerId("ben"));

    protected abstract ConnectionLog log();

    private ConnectionRecord opened(Member member) {
        ConnectionRecord record = ConnectionRecord.opened(new ConnectionId("c-" + UUID.randomUUID()), member, T0,
                "203.0.113.7", "Mozilla/5.0 (test)");
        log().opened(record);
        return record;
    }

    @Test
    void a_record_is_found_by_id_player_and_session_with_what_the_handshake_said() {
        ConnectionRecord phone = opened(ana);
        ConnectionRecord tablet = opened(ana);
        ConnectionRecord bens = opened(ben);

        assertThat(log().find(phone.id())).contains(phone);
        assertThat(log().ofPlayer(ana)).containsExactlyInAnyOrder(phone, tablet);
        assertThat(log().ofSession(session)).containsExactlyInAnyOrder(phone, tablet, bens);
        assertThat(phone.clientAddress()).isEqualTo("203.0.113.7");
        assertThat(phone.userAgent()).isEqualTo("Mozilla/5.0 (test)");
    }

    @Test
    void activity_moves_last_activity_and_a_close_marks_it_disconnected_for_good() {
        ConnectionRecord phone = opened(ana);

        log().active(phone.id(), T0.plusSeconds(30));
        log().closed(phone.id(), T0.plusSeconds(40));
        log().active(phone.id(), T0.plusSeconds(50));

        ConnectionRecord after = log().find(phone.id()).orElseThrow();
        assertThat(after.lastActivity()).isEqualTo(T0.plusSeconds(30));
        assertThat(after.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(after.disconnectedAt()).contains(T0.plusSeconds(40));
    }

    @Test
    void a_status_can_be_set_and_a_forgotten_record_is_gone_everywhere() {
        ConnectionRecord phone = opened(ana);

        assertThat(log().setStatus(phone.id(), ConnectionStatus.DISCONNECTED, T0.plusSeconds(5))).isTrue();
        assertThat(log().find(phone.id()).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        log().forget(phone.id());

        assertThat(log().find(phone.id())).isEmpty();
        assertThat(log().ofPlayer(ana)).isEmpty();
        assertThat(log().setStatus(phone.id(), ConnectionStatus.CONNECTED, T0)).isFalse();
        log().active(phone.id(), T0);
        log().closed(phone.id(), T0);
        assertThat(log().find(phone.id())).as("nothing brings a forgotten record back").isEmpty();
    }

    @Test
    void all_records_come_a_page_at_a_time_each_once() {
        Set<ConnectionId> mine = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            mine.add(opened(i % 2 == 0 ? ana : ben).id());
        }

        Set<ConnectionId> seen = new HashSet<>();
        Optional<PageCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            ConnectionLog.RecordPage page = log().all(cursor, 5);
            assertThat(page.records().size()).isLessThanOrEqualTo(5);
            for (ConnectionRecord record : page.records()) {
                assertThat(seen.add(record.id())).as("each record once").isTrue();
            }
            cursor = page.next();
            pages++;
        } while (cursor.isPresent() && pages < 1_000);

        assertThat(seen).containsAll(mine);
    }

    @Test
    void a_cursor_never_given_is_refused() {
        assertThatThrownBy(() -> log().all(Optional.of(new PageCursor("not-a-cursor")), 5))
                .isInstanceOf(PageCursor.Invalid.class);
    }
}
