package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class HistoryProbeTest {
    private final RoomBook book = new RoomBook("r");

    private static Frame.RoomMessage listed(String room, long offset, String text) {
        return new Frame.RoomMessage(room, offset, 1, "m" + offset, "p", text);
    }

    /** Newest first, from {@code newest} down to {@code oldest}, with the texts the live copies had. */
    private static RoomHistoryPage page(long newest, long oldest, Optional<String> cursor) {
        return new RoomHistoryPage(LongStream.iterate(newest, offset -> offset >= oldest, offset -> offset - 1)
                .mapToObj(offset -> listed("r", offset, "t" + offset)).toList(), cursor);
    }

    @Test
    void pages_that_continue_one_another_down_to_offset_one_with_the_live_texts_are_fine() {
        for (long offset = 1; offset <= 120; offset++) {
            book.received(new Frame.RoomMessage("r", offset, 1, "m" + offset, "p", "t" + offset));
        }

        HistoryProbe.Check first = HistoryProbe.check(page(120, 71, Optional.of("c1")), book, 120);
        HistoryProbe.Check second = HistoryProbe.check(page(70, 21, Optional.of("c2")), book, first.nextNewest());
        HistoryProbe.Check last = HistoryProbe.check(page(20, 1, Optional.empty()), book, second.nextNewest());

        assertThat(first.problems()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(last.problems()).isEmpty();
        assertThat(last.nextNewest()).isZero();
    }

    @Test
    void a_page_that_skips_or_repeats_an_offset_is_a_problem() {
        assertThat(HistoryProbe.check(page(50, 1, Optional.empty()), book, 51).problems()).singleElement().asString()
                .contains("offset 50 where 51 should be");
        assertThat(HistoryProbe.check(page(51, 2, Optional.of("c")), book, 50).problems()).hasSize(1);
    }

    @Test
    void a_text_other_than_the_live_copies_had_or_a_message_of_another_room_is_a_problem() {
        book.received(new Frame.RoomMessage("r", 2, 1, "m2", "p", "live"));

        assertThat(HistoryProbe.check(new RoomHistoryPage(List.of(listed("r", 2, "edited")), Optional.empty()), book,
                2).problems()).singleElement().asString().contains("live copies said 'live'");
        assertThat(HistoryProbe.check(new RoomHistoryPage(List.of(listed("q", 2, "live")), Optional.empty()), book,
                2).problems()).singleElement().asString().contains("message of room q");
    }

    @Test
    void nothing_to_read_is_an_empty_result() {
        HistoryProbe.Result none = HistoryProbe.read(List.of(), 20);

        assertThat(none.pageNanos()).isEmpty();
        assertThat(none.problems()).isEmpty();
    }
}
