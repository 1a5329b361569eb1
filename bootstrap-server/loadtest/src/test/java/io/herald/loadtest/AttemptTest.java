package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AttemptTest {
    @Test
    void a_step_that_returns_is_done_with_its_value() {
        assertThat(Attempt.of(() -> 42)).isEqualTo(new Attempt.Done<>(42));
    }

    @Test
    void a_step_that_throws_fails_with_the_cause_chain_on_one_line_without_future_wrappers() {
        Attempt<Object> attempt = Attempt.of(() -> {
            throw new ExecutionException(new CompletionException(new IOException("POST /api/teams answered 503",
                    new SocketException("Connection reset"))));
        });

        assertThat(attempt).isEqualTo(new Attempt.Failed<>(
                "IOException: POST /api/teams answered 503 <- SocketException: Connection reset"));
    }

    @Test
    void the_http_clients_internal_error_for_a_socket_it_cannot_open_is_a_failure_that_names_open_files() {
        Attempt<Object> attempt = Attempt.of(() -> {
            throw new InternalError(new SocketException("Too many open files"));
        });

        assertThat(attempt).isInstanceOfSatisfying(Attempt.Failed.class,
                failed -> assertThat(Failures.isTooManyOpenFiles(failed.reason())).isTrue());
    }

    @Test
    void any_other_internal_error_is_not_swallowed() {
        assertThatThrownBy(() -> Attempt.of(() -> {
            throw new InternalError("broken JVM");
        })).isInstanceOf(InternalError.class);
    }

    @Test
    void a_long_reason_is_cut_to_stay_on_one_readable_line() {
        assertThat(Failures.abbreviate("x".repeat(1000))).hasSize(301).endsWith("…");
    }
}
