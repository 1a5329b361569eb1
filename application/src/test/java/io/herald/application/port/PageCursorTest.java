package io.herald.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.InMemoryChatStore;
import io.herald.application.fake.InMemoryConnectionLog;
import io.herald.domain.CharacterId;
import io.herald.domain.ChatTurn;
import io.herald.domain.ConnectionId;
import io.herald.domain.ConnectionRecord;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.RoomText;
import io.herald.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    private static final Instant AT = Instant.parse("2026-01-09T10:30:00Z");
    private static final Member ANA = new Member(new SessionId("s-1"), new PlayerId("ana"));
    /** The longest id the domain allows, of characters that take three bytes in UTF-8 (what base64 grows most). */
    private static final String LONGEST_ID = "\u20ac".repeat(128);

    @Test
    void a_blank_cursor_is_refused() {
        for (String blank : new String[] {null, "", " ", "\t\n"}) {
            assertThatThrownBy(() -> new PageCursor(blank)).isInstanceOf(PageCursor.Invalid.class)
                    .hasMessage("a page cursor must not be blank");
        }
    }

    @Test
    void a_cursor_longer_than_any_store_makes_is_refused_before_a_store_reads_it() {
        assertThat(new PageCursor("a".repeat(PageCursor.MAX_LENGTH)).value()).hasSize(PageCursor.MAX_LENGTH);
        assertThatThrownBy(() -> new PageCursor("a".repeat(PageCursor.MAX_LENGTH + 1)))
                .isInstanceOf(PageCursor.Invalid.class)
                .hasMessage("a page cursor must be at most " + PageCursor.MAX_LENGTH + " characters");
        assertThatThrownBy(() -> new PageCursor("a".repeat(5_000_000))).isInstanceOf(PageCursor.Invalid.class);
    }

    @Test
    void spaces_and_control_characters_are_refused_as_no_store_makes_them() {
        for (String bad : List.of("not a cursor", "a\nb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\u3000b")) {
            assertThatThrownBy(() -> new PageCursor(bad)).as(bad).isInstanceOf(PageCursor.Invalid.class)
                    .hasMessage("a page cursor must not contain spaces or control characters");
        }
    }

    @Test
    void a_refusal_is_an_illegal_argument_naming_the_kind_of_cursor_and_never_the_cursor() {
        PageCursor.Invalid refusal = PageCursor.notA("history");

        assertThat(refusal).isInstanceOf(IllegalArgumentException.class).hasMessage("not a history cursor");
    }

    @Test
    void every_form_a_store_makes_is_a_cursor_even_from_the_longest_ids() {
        String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("ai-msg#" + LONGEST_ID + "#" + LONGEST_ID + "\n2026-01-09T10:30:00.123456789Z")
                        .getBytes(StandardCharsets.UTF_8));
        List<String> forms = List.of(
                base64,
                "n1767954600000-msg-" + "\u20ac".repeat(100),
                "t1767954600000-msg-" + "\u20ac".repeat(100),
                "15",
                "15:" + LONGEST_ID,
                "o" + Long.MAX_VALUE,
                String.format("%020d%09d|ai-msg#%s#%s", Long.MAX_VALUE, 999_999_999, LONGEST_ID, LONGEST_ID),
                "%%%",
                "a=b+c/d~e.f_g-h:i#j|k");

        assertThat(base64.length()).isGreaterThan(1024);
        for (String form : forms) {
            assertThat(new PageCursor(form).value()).isEqualTo(form);
        }
    }

    @Test
    void the_fakes_hand_out_cursors_built_from_the_longest_ids() {
        InMemoryConnectionLog log = new InMemoryConnectionLog();
        log.opened(ConnectionRecord.opened(new ConnectionId("a" + LONGEST_ID.substring(1)), ANA, AT, null, "x"));
        log.opened(ConnectionRecord.opened(new ConnectionId("b" + LONGEST_ID.substring(1)), ANA, AT, null, "x"));
        Optional<PageCursor> logCursor = log.all(Optional.empty(), 1).next();
        InMemoryChatStore chat = new InMemoryChatStore();
        CharacterId sage = new CharacterId("sage");
        for (String id : List.of("a" + LONGEST_ID.substring(1), "b" + LONGEST_ID.substring(1))) {
            chat.append(new ChatTurn(id, ANA, sage, ChatTurn.Role.PLAYER, new RoomText("hi"), AT, Optional.empty()));
        }
        Optional<PageCursor> chatCursor = chat.history(ANA, sage, Optional.empty(), 1).next();

        assertThat(logCursor).isPresent();
        assertThat(log.all(logCursor, 1).records()).hasSize(1);
        assertThat(chatCursor).isPresent();
        assertThat(chat.history(ANA, sage, chatCursor, 1).turns()).hasSize(1);
    }
}
