package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.loadtest.CommandLine.Invocation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final List<URI> LOOPBACK = List.of(URI.create("http://127.0.0.1:8080"));
    private static final String TWO_NODES = "http://10.0.0.1:8080,http://10.0.0.2:8080";
    private static final List<URI> BOTH = List.of(URI.create("http://10.0.0.1:8080"),
            URI.create("http://10.0.0.2:8080"));

    private static Invocation parse(String... args) {
        return CommandLine.parse(args);
    }

    private static ScenarioOptions run(String... args) {
        Invocation invocation = parse(args);
        assertThat(invocation).isInstanceOf(Invocation.Run.class);
        return ((Invocation.Run) invocation).options();
    }

    private static String invalid(String... args) {
        Invocation invocation = parse(args);
        assertThat(invocation).isInstanceOf(Invocation.Invalid.class);
        return ((Invocation.Invalid) invocation).message();
    }

    @Test
    void seed_without_flags_is_ten_sessions_of_five_players_and_a_hundred_events_on_loopback() {
        assertThat(run("seed")).isEqualTo(new ScenarioOptions.Seed(LOOPBACK, 10, 5, 100,
                Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
    }

    @Test
    void broadcast_without_flags_is_a_thousand_players_and_twenty_events_two_hundred_ms_apart_one_at_a_time() {
        assertThat(run("broadcast")).isEqualTo(new ScenarioOptions.Broadcast(LOOPBACK,
                1000, 20, Duration.ofMillis(200), 1, Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
    }

    @Test
    void in_flight_lets_a_broadcast_have_several_events_unanswered_up_to_all_of_them() {
        ScenarioOptions.Broadcast four = (ScenarioOptions.Broadcast) run("broadcast", "--in-flight", "4",
                "--interval", "0");
        ScenarioOptions.Broadcast all = (ScenarioOptions.Broadcast) run("broadcast", "--events", "5",
                "--in-flight=5");

        assertThat(four.inFlight()).isEqualTo(4);
        assertThat(four.interval()).isEqualTo(Duration.ZERO);
        assertThat(all.inFlight()).isEqualTo(5);
    }

    @Test
    void in_flight_must_be_a_positive_whole_number() {
        assertThat(invalid("broadcast", "--in-flight", "0")).contains("--in-flight must be a positive whole number");
        assertThat(invalid("broadcast", "--in-flight", "-2")).contains("got '-2'");
        assertThat(invalid("broadcast", "--in-flight", "two")).contains("got 'two'");
    }

    @Test
    void in_flight_must_not_exceed_the_events_including_the_default_twenty() {
        assertThat(invalid("broadcast", "--events", "3", "--in-flight", "4"))
                .isEqualTo("--in-flight (4) must not exceed --events (3): no more events than that can be in flight");
        assertThat(invalid("broadcast", "--in-flight", "21")).contains("--in-flight (21) must not exceed --events (20)");
    }

    @Test
    void in_flight_belongs_to_the_broadcast_scenario_only() {
        assertThat(invalid("seed", "--in-flight", "2")).isEqualTo("unknown option --in-flight for seed");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--in-flight", "2"))
                .isEqualTo("unknown option --in-flight for cluster");
    }

    @Test
    void idle_without_flags_holds_twenty_thousand_connections_for_a_minute_without_pings() {
        assertThat(run("idle")).isEqualTo(new ScenarioOptions.Idle(LOOPBACK, 20_000,
                Duration.ofSeconds(60), Optional.empty(), Duration.ofSeconds(30), 100));
    }

    @Test
    void flags_are_read_as_separate_values_or_after_an_equals_sign() {
        ScenarioOptions.Seed seed = (ScenarioOptions.Seed) run("seed", "--sessions", "2", "--players=3",
                "--events", "7", "--url=http://localhost:9090/", "--timeout", "5s", "--settle=0",
                "--concurrency", "4");

        assertThat(seed).isEqualTo(new ScenarioOptions.Seed(List.of(URI.create("http://localhost:9090/")), 2, 3, 7,
                Duration.ofSeconds(5), Duration.ZERO, 4));
    }

    @Test
    void durations_take_ms_s_and_m_and_a_bare_number_is_the_flags_own_unit() {
        ScenarioOptions.Broadcast broadcast = (ScenarioOptions.Broadcast) run("broadcast", "--interval", "50",
                "--timeout", "2m");
        ScenarioOptions.Idle idle = (ScenarioOptions.Idle) run("idle", "--hold", "90", "--ping-every", "1500ms");

        assertThat(broadcast.interval()).isEqualTo(Duration.ofMillis(50));
        assertThat(broadcast.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(idle.hold()).isEqualTo(Duration.ofSeconds(90));
        assertThat(idle.pingEvery()).contains(Duration.ofMillis(1500));
    }

    @Test
    void help_is_recognised_alone_or_after_a_scenario() {
        assertThat(parse("--help")).isInstanceOf(Invocation.Help.class);
        assertThat(parse("help")).isInstanceOf(Invocation.Help.class);
        assertThat(parse("idle", "-h")).isInstanceOf(Invocation.Help.class);
    }

    @Test
    void no_arguments_or_an_unknown_scenario_is_refused_by_name() {
        assertThat(invalid()).contains("no scenario");
        assertThat(invalid("soak")).contains("unknown scenario 'soak'");
    }

    @Test
    void a_flag_of_another_scenario_is_refused() {
        assertThat(invalid("seed", "--connections", "5")).isEqualTo("unknown option --connections for seed");
        assertThat(invalid("idle", "--events", "5")).isEqualTo("unknown option --events for idle");
    }

    @Test
    void a_flag_without_a_value_or_given_twice_is_refused() {
        assertThat(invalid("seed", "--events")).isEqualTo("--events needs a value");
        assertThat(invalid("seed", "--events", "1", "--events=2")).isEqualTo("--events given twice");
    }

    @Test
    void counts_must_be_positive_whole_numbers() {
        assertThat(invalid("seed", "--events", "0")).contains("--events must be a positive whole number");
        assertThat(invalid("seed", "--players", "five")).contains("got 'five'");
        assertThat(invalid("seed", "--sessions", "99999999999")).contains("--sessions");
    }

    @Test
    void a_broadcast_needs_a_sender_and_at_least_one_recipient() {
        assertThat(invalid("broadcast", "--players", "1")).contains("at least 2");
    }

    @Test
    void a_malformed_or_zero_duration_is_refused_but_a_zero_settle_is_allowed() {
        assertThat(invalid("idle", "--hold", "0")).contains("--hold must be a duration");
        assertThat(invalid("seed", "--timeout", "3h")).contains("got '3h'");
        assertThat(run("seed", "--settle", "0ms")).isInstanceOf(ScenarioOptions.Seed.class);
    }

    @Test
    void the_url_must_be_http_with_a_host() {
        assertThat(invalid("seed", "--url", "ws://127.0.0.1:8080")).contains("--url must be http(s)");
        assertThat(invalid("seed", "--url", "http://")).contains("--url");
    }

    @Test
    void a_stray_positional_argument_is_refused() {
        assertThat(invalid("seed", "50")).isEqualTo("unexpected argument '50'");
    }

    @Test
    void urls_name_every_node_in_order_for_any_scenario() {
        assertThat(run("seed", "--urls", "http://10.0.0.1:8080, http://10.0.0.2:8080").urls()).isEqualTo(BOTH);
        assertThat(run("broadcast", "--urls=" + TWO_NODES).urls()).isEqualTo(BOTH);
        assertThat(run("idle", "--urls", TWO_NODES).urls()).isEqualTo(BOTH);
        assertThat(run("cluster", "--urls", TWO_NODES).urls()).isEqualTo(BOTH);
    }

    @Test
    void one_url_given_as_urls_is_the_same_run_as_url() {
        assertThat(run("seed", "--urls", "http://10.0.0.1:8080"))
                .isEqualTo(run("seed", "--url", "http://10.0.0.1:8080"));
    }

    @Test
    void url_and_urls_together_are_refused() {
        assertThat(invalid("seed", "--url", "http://10.0.0.1:8080", "--urls", TWO_NODES))
                .contains("mutually exclusive");
    }

    @Test
    void every_entry_of_urls_must_be_an_http_url_and_appear_once() {
        assertThat(invalid("seed", "--urls", "http://10.0.0.1:8080,,http://10.0.0.2:8080")).contains("empty entry");
        assertThat(invalid("seed", "--urls", "http://10.0.0.1:8080,ws://10.0.0.2:8080"))
                .contains("--urls must be http(s)");
        assertThat(invalid("seed", "--urls", "http://10.0.0.1:8080,http://10.0.0.1:8080/")).contains("twice");
    }

    @Test
    void cluster_without_flags_is_two_hundred_sessions_of_five_and_a_thousand_events_without_a_kill() {
        assertThat(run("cluster", "--urls", TWO_NODES)).isEqualTo(new ScenarioOptions.Cluster(BOTH, 200, 5, 1000,
                Optional.empty(), Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
    }

    @Test
    void a_cluster_needs_at_least_two_nodes_and_two_players_per_team() {
        assertThat(invalid("cluster")).contains("at least two server nodes");
        assertThat(invalid("cluster", "--url", "http://10.0.0.1:8080")).contains("at least two server nodes");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--players", "1")).contains("at least 2");
    }

    @Test
    void a_kill_runs_after_five_hundred_events_by_default_and_kill_url_names_the_victim_by_index() {
        ScenarioOptions.Cluster cluster = (ScenarioOptions.Cluster) run("cluster", "--urls", TWO_NODES,
                "--kill-command", "kill -9 1234", "--kill-url", "http://10.0.0.2:8080/");
        ScenarioOptions.Cluster detected = (ScenarioOptions.Cluster) run("cluster", "--urls", TWO_NODES,
                "--events", "10", "--kill-command=docker kill herald-2", "--kill-after", "0");

        assertThat(cluster.kill()).contains(new ScenarioOptions.Kill("kill -9 1234", Optional.of(1), 500));
        assertThat(detected.kill()).contains(new ScenarioOptions.Kill("docker kill herald-2", Optional.empty(), 0));
    }

    @Test
    void kill_url_and_kill_after_need_a_kill_command_and_the_kill_must_fit_in_the_run() {
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-url", "http://10.0.0.2:8080"))
                .isEqualTo("--kill-url only makes sense with --kill-command");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-after", "5"))
                .isEqualTo("--kill-after only makes sense with --kill-command");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-command", "true", "--events", "100"))
                .contains("--kill-after (500) must not exceed --events (100)");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-command", "true", "--kill-after", "-1"))
                .contains("--kill-after must be a whole number");
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-command", " ")).contains("must not be empty");
    }

    @Test
    void a_kill_url_that_is_not_one_of_the_nodes_is_refused() {
        assertThat(invalid("cluster", "--urls", TWO_NODES, "--kill-command", "true", "--kill-url",
                "http://10.0.0.3:8080")).contains("is not one of --urls");
    }

    @Test
    void kill_flags_belong_to_the_cluster_scenario_only() {
        assertThat(invalid("seed", "--kill-command", "true")).isEqualTo("unknown option --kill-command for seed");
    }

    @Test
    void room_without_flags_is_ten_rooms_of_twenty_two_senders_fifty_messages_one_returning_member_and_twenty_pages() {
        assertThat(run("room")).isEqualTo(new ScenarioOptions.Room(LOOPBACK, 10, 20, 2, 50, Duration.ofMillis(20), 1,
                100, 20, Duration.ofSeconds(30), Duration.ofSeconds(1), 100));
    }

    @Test
    void room_flags_are_read_with_a_bare_interval_in_milliseconds_and_zeroes_where_they_mean_none() {
        ScenarioOptions.Room room = (ScenarioOptions.Room) run("room", "--rooms", "1", "--members=1000",
                "--senders", "1", "--messages", "7", "--interval", "0", "--reconnect", "3", "--missed", "0",
                "--history-pages", "0", "--urls", TWO_NODES, "--timeout", "2m", "--settle", "0", "--concurrency", "8");
        ScenarioOptions.Room paced = (ScenarioOptions.Room) run("room", "--interval", "35");

        assertThat(room).isEqualTo(new ScenarioOptions.Room(BOTH, 1, 1000, 1, 7, Duration.ZERO, 3, 0, 0,
                Duration.ofMinutes(2), Duration.ZERO, 8));
        assertThat(paced.interval()).isEqualTo(Duration.ofMillis(35));
    }

    @Test
    void room_senders_must_be_members_and_only_members_who_do_not_send_reconnect() {
        assertThat(invalid("room", "--members", "3", "--senders", "4"))
                .isEqualTo("--senders (4) must not exceed --members (3): senders are members of the room");
        assertThat(invalid("room", "--members", "3", "--senders", "2", "--reconnect", "2"))
                .contains("--reconnect (2) must not exceed --members minus --senders (1)");
        assertThat(invalid("room", "--reconnect", "-1")).contains("--reconnect must be a whole number");
        assertThat(invalid("room", "--senders", "0")).contains("--senders must be a positive whole number");
    }

    @Test
    void a_room_where_everybody_sends_has_nobody_to_reconnect_by_default() {
        assertThat(((ScenarioOptions.Room) run("room", "--members", "2", "--senders", "2")).reconnect()).isZero();
        assertThat(((ScenarioOptions.Room) run("room", "--members", "1", "--senders", "1")).reconnect()).isZero();
    }

    @Test
    void room_flags_belong_to_the_room_scenario_only_and_it_takes_no_flag_of_another() {
        assertThat(invalid("seed", "--rooms", "2")).isEqualTo("unknown option --rooms for seed");
        assertThat(invalid("broadcast", "--missed", "2")).isEqualTo("unknown option --missed for broadcast");
        assertThat(invalid("room", "--players", "2")).isEqualTo("unknown option --players for room");
        assertThat(invalid("room", "--in-flight", "2")).isEqualTo("unknown option --in-flight for room");
    }

    @Test
    void an_unknown_scenario_names_room_among_those_there_are() {
        assertThat(invalid("rooms")).contains("cluster or room");
    }
}
