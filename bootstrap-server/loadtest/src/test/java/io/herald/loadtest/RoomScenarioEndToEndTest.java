package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The room scenario end to end over real loopback sockets, against the rooms of {@link FakeHeraldNode}. */
class RoomScenarioEndToEndTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    /**
     * Two rooms of four, two senders of five each, one member per room away for seven: 18 messages per room, each
     * owed to 4 members; history pages of 50 hold a room's 18 in one. {@code changes}: flag, value, … replacing
     * those.
     */
    private int run(FakeHeraldNode server, String... changes) throws InterruptedException {
        Map<String, String> flags = new LinkedHashMap<>();
        String[] defaults = {"--url", server.url(), "--rooms", "2", "--members", "4", "--messages", "5",
            "--interval", "0", "--missed", "7", "--history-pages", "3", "--timeout", "3s", "--settle", "50ms"};
        for (int i = 0; i < defaults.length; i += 2) {
            flags.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i < changes.length; i += 2) {
            flags.put(changes[i], changes[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("room"));
        flags.forEach((flag, value) -> {
            args.add(flag);
            args.add(value);
        });
        return LoadTest.run(args.toArray(String[]::new), out, out);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_server_that_delivers_every_copy_in_order_and_replays_exactly_what_was_missed_gives_a_clean_run()
            throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            int exit = run(server);

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains("RESULT scenario=room rooms=2 members=4 senders=2 messages=5 interval_ms=0"
                    + " reconnect=1 missed=7 players=8 ");
            assertThat(printed()).contains(" sends=36 sends_answered=36 sends_refused=0 send_failures=0 ");
            assertThat(printed()).contains(" room_expected=144 room_delivered=144 room_replayed=14 room_lost=0"
                    + " room_duplicated=0 room_out_of_order=0 room_gaps=0 room_unexpected=0 room_mismatched=0 ");
            assertThat(printed()).contains(" reconnecting=2 recovered=2 replayed=14 recovery_failures=0 ");
            assertThat(printed()).contains(" history_pages=2 history_messages=36 history_failures=0 ");
            assertThat(printed()).contains("error_frames=0 malformed_frames=0 dropped=0 exit=0");
            assertThat(printed()).contains("live again: the next message of each room reached every member");
        }
    }

    @Test
    void a_copy_the_server_never_pushes_is_lost_and_fails_the_run() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.LOSE_ONE_ROOM_COPY)) {
            // Every phase waits its --timeout for the copy that never comes.
            int exit = run(server, "--rooms", "1", "--timeout", "1s");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(printed()).contains("room_lost=1 room_duplicated=0 room_out_of_order=0 room_gaps=1");
        }
    }

    @Test
    void a_copy_pushed_twice_is_a_duplicate_and_fails_the_run() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.DUPLICATE_ONE_ROOM_COPY)) {
            int exit = run(server, "--rooms", "1");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(printed()).contains("room_lost=0 room_duplicated=1 room_out_of_order=0");
        }
    }

    @Test
    void a_replay_that_leaves_out_a_missed_message_is_a_failed_return_and_a_lost_copy() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.REPLAY_ONE_SHORT)) {
            int exit = run(server, "--rooms", "1", "--timeout", "1s");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(printed()).contains("room_lost=1", "recovered=1 replayed=6 recovery_failures=2",
                    "room_subscribed says replayed:6, 7 were missed");
        }
    }

    @Test
    void a_run_where_everybody_sends_brings_nobody_back_and_still_checks_every_copy() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            int exit = run(server, "--rooms", "1", "--members", "2", "--history-pages", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains(" sends=10 ", " room_expected=20 room_delivered=20 room_replayed=0 ",
                    " reconnecting=0 recovered=0 replayed=0 recovery_failures=0 recovery_p50_ms=n/a ",
                    " history_pages=0 ");
            assertThat(printed()).doesNotContain("return:", "history:");
        }
    }
}
