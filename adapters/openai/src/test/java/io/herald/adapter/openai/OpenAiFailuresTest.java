package io.herald.adapter.openai;

import static io.herald.adapter.openai.ComposerFixture.anaCompletes;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.adapter.openai.FakeOpenAi.Reply;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.MessageComposer.Composition;
import io.herald.domain.Message;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure is normal (issue 5, item 3): every way a call goes wrong ends as a recorded {@code Failed}, in budget. */
class OpenAiFailuresTest {
    /** Only where a timeout is the subject is a wall-clock bound asserted, and then a generous one. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final ComposerFixture fixture = new ComposerFixture();

    /** A per-call timeout no busy machine reaches by accident, a budget short enough to run out in a test. */
    @BeforeEach
    void settings() {
        fixture.settings.setCallTimeout(Duration.ofSeconds(5));
        fixture.settings.setBudget(Duration.ofSeconds(3));
        fixture.settings.setBreakerThreshold(100);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Composition compose() {
        return fixture.composer().compose(anaCompletes("node-3"));
    }

    private String recordedReason() {
        CompositionRecorder.Call call = fixture.recorder.calls().getFirst();
        assertThat(call.ok()).isFalse();
        return call.fallbackReason().orElseThrow();
    }

    @Test
    void a_reply_slower_than_the_call_timeout_fails_within_the_budget() {
        fixture.settings.setCallTimeout(Duration.ofMillis(300));
        fixture.settings.setBudget(Duration.ofSeconds(2));
        fixture.server.otherwise(request -> Reply.completion("too late").after(Duration.ofSeconds(30)));

        long started = System.nanoTime();
        Composition composition = compose();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(composition).isInstanceOf(Composition.Failed.class);
        assertThat(((Composition.Failed) composition).reason()).startsWith("timeout; budget spent after");
        assertThat(took).isLessThan(fixture.settings.bound().budget().plus(GENEROUS));
        assertThat(fixture.server.requests()).hasSizeBetween(1, 7);
        assertThat(recordedReason()).startsWith("timeout");
    }

    @Test
    void a_reset_connection_fails_within_the_budget() {
        try (ResettingServer resetting = ResettingServer.start()) {
            fixture.settings.setBaseUrl(resetting.baseUrl());
            fixture.settings.setBudget(Duration.ofSeconds(1));

            Composition composition = compose();

            assertThat(composition).isInstanceOf(Composition.Failed.class);
            assertThat(((Composition.Failed) composition).reason()).startsWith("connection failed");
            assertThat(resetting.connections()).isPositive();
            assertThat(recordedReason()).startsWith("connection failed");
        }
    }

    @Test
    void a_5xx_is_retried_and_a_later_answer_is_used() {
        fixture.server.replyWith(Reply.error(503, "server_error").withHeader("retry-after-ms", "10"),
                Reply.completion("Back on course!"));

        assertThat(compose()).isEqualTo(new Composition.Text("Back on course!"));
        assertThat(fixture.server.requests()).hasSize(2);
        assertThat(fixture.recorder.calls().getFirst().ok()).isTrue();
    }

    @Test
    void a_5xx_that_lasts_fails_once_the_budget_is_spent() {
        fixture.server.otherwise(request -> Reply.error(500, "server_error").withHeader("retry-after-ms", "100"));

        Composition composition = compose();

        assertThat(composition).isInstanceOf(Composition.Failed.class);
        assertThat(((Composition.Failed) composition).reason()).startsWith("server error (500)");
        assertThat(fixture.server.requests().size()).isGreaterThan(1);
        assertThat(recordedReason()).startsWith("server error (500)");
    }

    @Test
    void a_429_with_retry_after_is_retried_within_the_budget() {
        fixture.server.replyWith(Reply.error(429, "rate_limit_exceeded").withHeader("retry-after-ms", "50"),
                Reply.completion("Steady as she goes!"));

        assertThat(compose()).isEqualTo(new Composition.Text("Steady as she goes!"));
        assertThat(fixture.server.requests()).hasSize(2);
    }

    @Test
    void a_429_whose_retry_after_is_beyond_the_budget_fails_at_once() {
        fixture.server.replyWith(Reply.error(429, "rate_limit_exceeded").withHeader("Retry-After", "60"));

        Composition composition = compose();

        assertThat(composition).isEqualTo(new Composition.Failed(
                "rate limited (429); retry-after 60000 ms is beyond the budget after 1 attempt"));
        assertThat(fixture.server.requests()).hasSize(1);
    }

    @Test
    void insufficient_quota_is_not_retried() {
        fixture.server.otherwise(request -> Reply.error(429, "insufficient_quota").withHeader("retry-after-ms", "1"));

        assertThat(compose()).isEqualTo(new Composition.Failed("insufficient quota (429)"));
        assertThat(fixture.server.requests()).hasSize(1);
        assertThat(recordedReason()).isEqualTo("insufficient quota (429)");
    }

    @Test
    void a_refused_key_is_not_retried() {
        fixture.server.otherwise(request -> Reply.error(401, "invalid_api_key"));

        assertThat(compose()).isEqualTo(new Composition.Failed("refused by the endpoint (401)"));
        assertThat(fixture.server.requests()).hasSize(1);
    }

    @Test
    void a_body_that_is_not_a_chat_completion_fails_as_malformed() {
        fixture.server.replyWith(Reply.raw(200, "<html>upstream proxy error</html>"));

        assertThat(compose()).isEqualTo(new Composition.Failed("malformed response"));
        assertThat(recordedReason()).isEqualTo("malformed response");
    }

    @Test
    void a_json_body_without_choices_fails_as_malformed() {
        fixture.server.replyWith(Reply.raw(200, "{\"id\":\"x\",\"object\":\"chat.completion\"}"));

        assertThat(compose()).isEqualTo(new Composition.Failed("malformed response"));
    }

    @Test
    void an_empty_or_blank_reply_fails() {
        fixture.server.replyWith(Reply.completion(""), Reply.completion(" \n\t "), Reply.completionWithoutContent());

        assertThat(compose()).isEqualTo(new Composition.Failed("empty output"));
        assertThat(compose()).isEqualTo(new Composition.Failed("empty output"));
        assertThat(compose()).isEqualTo(new Composition.Failed("empty output"));
        assertThat(fixture.server.requests()).hasSize(3);
    }

    @Test
    void a_reply_over_the_message_length_limit_fails() {
        fixture.server.replyWith(Reply.completion("a".repeat(Message.MAX_CONTENT_LENGTH + 1)),
                Reply.completion("b".repeat(Message.MAX_CONTENT_LENGTH)));

        assertThat(compose()).isEqualTo(new Composition.Failed(
                "output longer than " + Message.MAX_CONTENT_LENGTH + " characters"));
        assertThat(compose()).isEqualTo(new Composition.Text("b".repeat(Message.MAX_CONTENT_LENGTH)));
    }

    @Test
    void a_refusal_or_a_reply_cut_at_the_token_limit_fails_and_still_counts_its_tokens() {
        fixture.server.replyWith(Reply.refusal(), Reply.completionCutAtTheTokenLimit("Well done, and now the"));

        assertThat(compose()).isEqualTo(new Composition.Failed("model refused"));
        assertThat(compose()).isEqualTo(new Composition.Failed("output cut at the token limit"));
        assertThat(fixture.recorder.calls()).extracting(CompositionRecorder.Call::completionTokens)
                .containsExactly(5, 150);
    }

    @Test
    void tokens_of_every_attempt_of_an_event_are_added_up() {
        fixture.server.replyWith(Reply.error(502, "bad_gateway").withHeader("retry-after-ms", "1"),
                Reply.completion("", 100, 3), Reply.completion("unused"));

        assertThat(compose()).isEqualTo(new Composition.Failed("empty output"));
        CompositionRecorder.Call call = fixture.recorder.calls().getFirst();
        assertThat(call.promptTokens()).isEqualTo(100);
        assertThat(call.completionTokens()).isEqualTo(3);
        assertThat(fixture.server.requests()).hasSize(2);
    }
}
