package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each scenario end to end over real loopback sockets, against {@link FakeHeraldNode} instead of Herald. */
class ScenarioEndToEndTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private int run(String... args) throws InterruptedException {
        return LoadTest.run(args, out, out);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_seed_run_against_a_server_that_delivers_everything_exits_clean_and_acks_every_message()
            throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            int exit = run("seed", "--url", server.url(), "--sessions", "2", "--players", "3", "--events", "12",
                    "--timeout", "5s", "--settle", "50ms");

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains("RESULT scenario=seed sessions=2 players=6 events=12 accepted=12 "
                    + "http_failures=0 ai_expected=12 ai_delivered=12 ai_lost=0 ai_duplicated=0 ai_unexpected=0");
            assertThat(printed()).contains("delta_expected=24 delta_delivered=24 delta_lost=0 delta_duplicated=0 "
                    + "delta_unexpected=0");
            assertThat(server.acknowledged()).hasSize(12).allMatch(sk -> sk.startsWith("ai-msg#player-"));
        }
    }

    @Test
    void a_seed_run_against_a_server_that_loses_one_ai_message_reports_it_lost_and_fails() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.LOSE_ONE_AI_MESSAGE)) {
            int exit = run("seed", "--url", server.url(), "--sessions", "1", "--players", "2", "--events", "4",
                    "--timeout", "1s");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(printed()).contains("ai_delivered=3 ai_lost=1 ai_duplicated=0", "gave up waiting");
        }
    }

    @Test
    void a_seed_run_against_a_server_that_repeats_one_ai_message_reports_a_duplicate_and_fails() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.DUPLICATE_ONE_AI_MESSAGE)) {
            int exit = run("seed", "--url", server.url(), "--sessions", "1", "--players", "2", "--events", "4",
                    "--timeout", "5s", "--settle", "300ms");

            assertThat(exit).as(printed()).isEqualTo(LoadTest.FAILURES);
            assertThat(printed()).contains("ai_lost=0 ai_duplicated=1 ai_unexpected=0");
        }
    }

    @Test
    void a_broadcast_run_measures_every_event_to_its_last_recipient() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            int exit = run("broadcast", "--url", server.url(), "--players", "25", "--events", "3", "--interval",
                    "20ms", "--timeout", "5s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains(
                    "RESULT scenario=broadcast players=25 events=3 interval_ms=20 in_flight=1 accepted=3",
                    "expected=72 delivered=72 missing=0 duplicated=0 unexpected=0 incomplete_events=0");
            assertThat(printed()).doesNotContain("last_p50_ms=n/a", "deliveries_per_s=n/a");
            assertThat(server.mostEventsInFlight()).isEqualTo(1);
        }
    }

    @Test
    void a_broadcast_with_three_in_flight_has_three_posts_unanswered_at_once_and_reconciles_every_delta()
            throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            server.holdEventsUntilInFlight(3);

            int exit = run("broadcast", "--url", server.url(), "--players", "6", "--events", "9", "--interval", "0",
                    "--in-flight", "3", "--timeout", "5s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(server.mostEventsInFlight()).as("the fake answers none of the first three until all are in")
                    .isEqualTo(3);
            assertThat(printed()).contains("9 NodeComplete events every 0 ms, up to 3 in flight",
                    "RESULT scenario=broadcast players=6 events=9 interval_ms=0 in_flight=3 accepted=9",
                    "expected=45 delivered=45 missing=0 duplicated=0 unexpected=0 incomplete_events=0");
            assertThat(printed()).doesNotContain("deliveries_per_s=n/a");
        }
    }

    @Test
    void a_paced_broadcast_with_two_in_flight_still_overlaps_them_and_reconciles_every_delta() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            server.holdEventsUntilInFlight(2);

            int exit = run("broadcast", "--url", server.url(), "--players", "4", "--events", "4", "--interval",
                    "10ms", "--in-flight", "2", "--timeout", "5s", "--settle", "0");

            assertThat(exit).as(printed()).isZero();
            assertThat(server.mostEventsInFlight()).isEqualTo(2);
            assertThat(printed()).contains("interval_ms=10 in_flight=2 accepted=4",
                    "expected=12 delivered=12 missing=0 duplicated=0 unexpected=0 incomplete_events=0");
        }
    }

    @Test
    void an_idle_run_announces_the_hold_with_its_pid_and_counts_no_drops() throws Exception {
        try (FakeHeraldNode server = new FakeHeraldNode(FakeHeraldNode.Fault.NONE)) {
            int exit = run("idle", "--url", server.url(), "--connections", "12", "--hold", "600ms", "--ping-every",
                    "200ms");

            assertThat(exit).as(printed()).isZero();
            assertThat(printed()).contains("HOLDING 12 connections (pid of this process "
                    + ProcessHandle.current().pid() + ")");
            assertThat(printed()).contains("RESULT scenario=idle requested=12 held=12 failed_to_open=0 dropped=0");
            assertThat(printed()).containsPattern("pings_sent=(24|36) pongs=(24|36)");
        }
    }

    @Test
    void a_server_that_is_not_running_is_a_setup_failure_with_a_hint() throws Exception {
        int exit = run("seed", "--url", "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(LoadTest.SETUP_FAILED);
        assertThat(printed()).contains("Is the server running?");
    }
}
