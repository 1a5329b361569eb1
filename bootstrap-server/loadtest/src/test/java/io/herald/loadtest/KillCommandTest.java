package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KillCommandTest {
    private static final Duration AMPLE = Duration.ofSeconds(30);

    @Test
    void the_command_runs_through_the_shell_and_its_status_and_output_are_kept() throws Exception {
        KillCommand.Ran ran = KillCommand.run("echo stopping; echo oops >&2; exit 7", AMPLE);

        assertThat(ran.exitStatus()).contains(7);
        assertThat(ran.timedOut()).isFalse();
        assertThat(ran.output()).contains("stopping", "oops");
        assertThat(ran.describe()).contains("exited 7", "output: stopping|oops");
    }

    @Test
    void a_command_that_outlives_the_timeout_is_killed_and_reported_without_a_status() throws Exception {
        KillCommand.Ran ran = KillCommand.run("echo started; exec sleep 60", Duration.ofMillis(300));

        assertThat(ran.timedOut()).isTrue();
        assertThat(ran.exitStatus()).isEmpty();
        assertThat(ran.output()).contains("started");
        assertThat(ran.describe()).contains("timed out and was killed");
    }

    @Test
    void a_silent_command_says_so() throws Exception {
        assertThat(KillCommand.run("true", AMPLE)).satisfies(ran -> {
            assertThat(ran.exitStatus()).isEqualTo(Optional.of(0));
            assertThat(ran.describe()).contains("`true` exited 0", "no output");
        });
    }
}
