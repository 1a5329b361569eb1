package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StepResultTest {
    @Test
    void a_step_that_returns_is_done_with_its_value() {
        assertThat(StepResult.of(() -> 42)).isEqualTo(new StepResult.Done<>(42));
    }

    @Test
    void a_step_that_throws_fails_with_the_cause_chain_on_one_line_without_future_wrappers() {
        StepResult<Object> attempt = StepResult.of(() -> {
            throw new ExecutionException(new CompletionException(new IOException("POST /api/teams answered 503",
                    new SocketException("Connection reset"))));
        });

        assertThat(attempt).isEqualTo(new StepResult.Failed<>(
                "IOException: POST /api/teams answered 503 <- SocketException: Connection reset"));
    }

    @Test
    void the_http_clients_internal_error_for_a_socket_it_cannot_open_is_a_failure_that_names_open_files() {
        StepResult<Object> attempt = StepResult.of(() -> {
            throw new InternalError(new SocketException("Too many open files"));
        });

        assertThat(attempt).isInstanceOfSatisfying(StepResult.Failed.class,
                failed -> assertThat(Failures.isTooManyOpenFiles(failed.reason())).isTrue());
    }

    @Test
    void any_other_internal_error_is_not_swallowed() {
        assertThatThrownBy(() -> StepResult.of(() -> {
            throw new InternalError("broken JVM");
        })).isInstanceOf(InternalError.class);
    }

    @Test
    void a_long_reason_is_cut_to_stay_on_one_readable_line() {
        assertThat(Failures.abbreviate("x".repeat(1000))).hasSize(301).endsWith("…");
    }
}
