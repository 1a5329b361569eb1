package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.application.port.EventPublisher;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.net.URISyntaxException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ErrorAnswer answer(Throwable failure) {
        return ErrorAnswer.of(failure, () -> "corr-1");
    }

    private static JsonNode body(MutableHttpResponse<ErrorBody> response) throws Exception {
        return JSON.readTree(WireJson.write(response.body()));
    }

    @Test
    void a_refusal_keeps_its_status_code_and_field() throws Exception {
        MutableHttpResponse<ErrorBody> response = answer(ApiException.badField("nodeId", "invalid_field", "'nodeId': bad"))
                .response();

        assertThat(response.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(body(response)).isEqualTo(JSON.readTree(
                "{\"success\":false,\"code\":\"invalid_field\",\"message\":\"'nodeId': bad\",\"field\":\"nodeId\"}"));
    }

    @Test
    void orchestration_that_cannot_take_an_event_is_a_503_busy_saying_when_to_come_back() throws Exception {
        MutableHttpResponse<ErrorBody> response = answer(new EventPublisher.Unavailable("queue full",
                Duration.ofMillis(1500), null)).response();

        assertThat(response.status().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(response.getHeaders().get("Retry-After")).isEqualTo("2");
        assertThat(body(response).get("code").asText()).isEqualTo("busy");
        assertThat(body(response).has("correlationId")).isFalse();
    }

    @Test
    void a_rate_limit_is_a_429_with_retry_after() throws Exception {
        MutableHttpResponse<ErrorBody> response = answer(ApiException.rateLimited("too many", Duration.ofSeconds(3))).response();

        assertThat(response.status().getCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.getCode());
        assertThat(response.getHeaders().get("Retry-After")).isEqualTo("3");
        assertThat(body(response).get("code").asText()).isEqualTo("rate_limited");
    }

    static Stream<Throwable> faults() {
        return Stream.of(new IllegalStateException("bug"), new NullPointerException(), new RuntimeException("store down"),
                new IllegalArgumentException("from deep inside"), new Exception("checked"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void anything_unexpected_is_a_500_with_a_correlation_id_never_a_retry(Throwable fault) throws Exception {
        ErrorAnswer answer = answer(fault);
        MutableHttpResponse<ErrorBody> response = answer.response();

        assertThat(answer.isFault()).isTrue();
        assertThat(response.status().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        assertThat(response.getHeaders().contains("Retry-After")).isFalse();
        assertThat(body(response).get("code").asText()).isEqualTo("internal_error");
        assertThat(body(response).get("correlationId").asText()).isEqualTo("corr-1");
        assertThat(body(response).get("message").asText()).doesNotContain(String.valueOf(fault.getMessage()));
    }

    @Test
    void a_query_that_is_not_percent_encoding_is_a_400_naming_the_parameter() {
        String address = "/runtime/messages/undelivered?sessionId=s&cursor=%%%%&limit=3";
        ErrorAnswer answer = answer(new URISyntaxException(address, "Malformed escape pair", address.indexOf('%')));

        assertThat(answer.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(answer.code()).isEqualTo("invalid_uri");
        assertThat(answer.field()).contains("cursor");
    }

    @Test
    void a_path_that_is_not_percent_encoding_is_a_400_without_a_field() {
        String address = "/api/runtime/session/%%%%";
        ErrorAnswer answer = answer(new URISyntaxException(address, "Malformed escape pair", address.indexOf('%')));

        assertThat(answer.status().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(answer.field()).isEmpty();
    }

    @Test
    void the_parameter_is_only_named_when_the_bad_escape_is_in_its_value() {
        assertThat(ErrorAnswer.parameterAt("/p?a=1&b=%zz", 10)).contains("b");
        assertThat(ErrorAnswer.parameterAt("/p?a=%zz&b=1", 5)).contains("a");
        assertThat(ErrorAnswer.parameterAt("/p?a%zz=1", 4)).isEmpty();
        assertThat(ErrorAnswer.parameterAt("/p%zz?a=1", 2)).isEmpty();
        assertThat(ErrorAnswer.parameterAt(null, 2)).isEmpty();
    }

    @Test
    void a_body_too_large_for_the_server_is_a_413() {
        assertThat(answer(new ContentLengthExceededException(10, 20)).status().getCode())
                .isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
    }

    @Test
    void a_charset_nobody_knows_is_a_415() {
        assertThat(answer(new UnsupportedCharsetException("bogus")).status().getCode())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode());
    }

    @Test
    void only_a_fault_carries_a_correlation_id() {
        assertThat(answer(ApiException.badRequest("invalid_json", "x")).correlationId()).isEqualTo(Optional.empty());
        assertThat(answer(new IllegalStateException()).correlationId()).contains("corr-1");
    }
}
