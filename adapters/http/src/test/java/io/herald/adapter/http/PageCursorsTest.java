package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.port.PageCursor;
import io.micronaut.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorsTest {

    @Test
    void no_cursor_is_the_first_page_and_a_cursor_reaches_the_store_as_it_came() {
        Optional<PageCursor> none = PageCursors.read("cursor", Optional.empty(), from -> from);
        Optional<PageCursor> given = PageCursors.read("cursor", Optional.of("n1767954600000-x"), from -> from);

        assertThat(none).isEmpty();
        assertThat(given).contains(new PageCursor("n1767954600000-x"));
    }

    @Test
    void a_malformed_cursor_is_the_same_400_as_a_refused_one_and_reaches_no_store() {
        List<Optional<PageCursor>> read = new ArrayList<>();
        for (String malformed : List.of("", "  ", "not a cursor", "a\u0000b", "x".repeat(PageCursor.MAX_LENGTH + 1))) {
            assertThatThrownBy(() -> PageCursors.read("before", Optional.of(malformed), read::add))
                    .isInstanceOfSatisfying(ApiException.class, e -> isTheCursorRefusal(e, "before"));
        }
        assertThatThrownBy(() -> PageCursors.read("after", Optional.of("o1"), from -> {
            throw PageCursor.notA("history");
        })).isInstanceOfSatisfying(ApiException.class, e -> isTheCursorRefusal(e, "after"));

        assertThat(read).isEmpty();
    }

    @Test
    void only_a_cursor_refusal_is_about_the_cursor() {
        IllegalArgumentException other = new IllegalArgumentException("something else");

        assertThatThrownBy(() -> PageCursors.read("cursor", Optional.of("o1"), from -> {
            throw other;
        })).isSameAs(other);
    }

    @Test
    void a_next_cursor_goes_out_as_its_text() {
        assertThat(PageCursors.text(Optional.of(new PageCursor("b64_-x")))).contains("b64_-x");
        assertThat(PageCursors.text(Optional.empty())).isEmpty();
    }

    private static void isTheCursorRefusal(ApiException e, String field) {
        assertThat(e.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(e.code()).isEqualTo("invalid_cursor");
        assertThat(e.field()).contains(field);
        assertThat(e.getMessage()).isEqualTo("not a cursor this API gave out");
    }
}
