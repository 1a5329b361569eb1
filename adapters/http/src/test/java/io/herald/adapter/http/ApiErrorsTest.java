package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.fake.FakeHerald;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import java.net.URISyntaxException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the log says about a failed request: a fault once with its correlation id, a client's mistake never loudly. */
class ApiErrorsTest {
    private final HttpFixture http = new HttpFixture(new FakeHerald());
    private final ApiErrors errors = new ApiErrors(http.herald.metrics);
    private final Logger log = (Logger) LoggerFactory.getLogger(ApiErrors.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = log.getLevel();
        log.setLevel(Level.INFO);
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void release() {
        log.detachAppender(lines);
        log.setLevel(previous);
    }

    private String correlationId(HttpResponse<ErrorBody> response) throws Exception {
        return new ObjectMapper().readTree(WireJson.write(response.body())).get("correlationId").asText();
    }

    @Test
    void a_fault_in_a_request_with_credentials_is_logged_with_its_stack_trace_under_its_correlation_id() throws Exception {
        MutableHttpRequest<String> request = HttpFixture.post("/runtime/events",
                http.tokens.issue(new SessionId("s"), new PlayerId("p")), "{}");
        http.callers.require(request);

        HttpResponse<ErrorBody> response = errors.failed(request, new IllegalStateException("boom"));

        assertThat(response.getStatus().getCode()).isEqualTo(500);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains(correlationId(response));
            assertThat(line.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void a_fault_in_a_request_without_credentials_is_one_line_without_a_stack_trace() throws Exception {
        MutableHttpRequest<String> request = HttpFixture.post("/api/teams", null, "{}");

        HttpResponse<ErrorBody> response = errors.failed(request, new IllegalStateException("boom"));

        assertThat(response.getStatus().getCode()).isEqualTo(500);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains(correlationId(response)).contains("IllegalStateException: boom");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void what_a_client_caused_logs_nothing_above_debug() {
        MutableHttpRequest<String> request = HttpFixture.post("/api/teams", null, "");

        errors.failed(request, ApiException.badRequest("invalid_json", "nope"));
        errors.failed(request, new URISyntaxException("/x?cursor=%%", "Malformed escape pair", 10));
        errors.failed(request, ApiException.rateLimited("too many", Duration.ofSeconds(1)));

        assertThat(lines.list).isEmpty();
    }

    @Test
    void every_answer_is_counted_by_its_stable_code() {
        MutableHttpRequest<String> request = HttpFixture.post("/runtime/events", null, "{}");

        errors.failed(request, new IllegalStateException("boom"));
        errors.failed(request, new ApiException(io.micronaut.http.HttpStatus.BAD_REQUEST, "invalid_field", "no"));
        errors.notFound(request);

        assertThat(http.herald.metrics.lines())
                .containsExactly("refused http internal_error", "refused http invalid_field", "refused http not_found");
    }
}
