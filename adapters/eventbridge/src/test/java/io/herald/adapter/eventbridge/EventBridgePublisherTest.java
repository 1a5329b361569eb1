package io.herald.adapter.eventbridge;

import static io.herald.adapter.eventbridge.EventBridgeStub.failCall;
import static io.herald.adapter.eventbridge.EventBridgeStub.failEntries;
import static io.herald.adapter.eventbridge.SampleEvents.nodeComplete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.adapter.eventbridge.EventBridgePublisher.Budget;
import io.herald.adapter.eventbridge.EventBridgePublisher.Target;
import io.herald.adapter.eventbridge.EventBridgeStub.Call;
import io.herald.application.port.EventPublisher;
import io.herald.domain.GameEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Publishing against a local PutEvents stub: what is sent, and that nothing is lost or silently dropped on failures. */
class EventBridgePublisherTest {
    private final EventBridgeStub stub = EventBridgeStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private EventBridgePublisher publisher(int attempts, Duration deadline) {
        return new EventBridgePublisher(stub.client(), new Target("herald-bus", "herald.game"),
                new Budget(attempts, deadline));
    }

    private EventBridgePublisher publisher() {
        return publisher(5, Duration.ofSeconds(30));
    }

    @Test
    void an_event_is_one_put_events_entry_on_the_configured_bus_and_source_named_by_its_type() {
        publisher().publish(nodeComplete("node-3"));

        Call call = stub.calls().getFirst();
        assertThat(stub.calls()).hasSize(1);
        assertThat(call.target()).isEqualTo("AWSEvents.PutEvents");
        assertThat(call.contentType()).startsWith("application/x-amz-json-1.1");
        JsonNode entry = call.entries().getFirst();
        assertThat(call.entries()).hasSize(1);
        assertThat(entry.path("EventBusName").asText()).isEqualTo("herald-bus");
        assertThat(entry.path("Source").asText()).isEqualTo("herald.game");
        assertThat(entry.path("DetailType").asText()).isEqualTo("NodeComplete");
        assertThat(entry.path("Time").asDouble()).isEqualTo(SampleEvents.AT.toEpochMilli() / 1000.0);
        assertThat(call.detail(0).path("eventId").asText()).isEqualTo("NodeComplete-90ba05788651bae2");
    }

    static Stream<Arguments> detailOfEveryType() {
        List<GameEvent> events = SampleEvents.oneOfEach();
        return Stream.of(
                Arguments.of(events.get(0), "{\"eventId\":\"NodeComplete-90ba05788651bae2\",\"sessionId\":\"session-123\","
                        + "\"eventType\":\"NodeComplete\",\"playerId\":\"player-456\",\"nodeId\":\"node-3\","
                        + "\"occurredAt\":\"2026-01-09T10:30:00.250Z\"}"),
                Arguments.of(events.get(1), "{\"eventId\":\"" + events.get(1).id() + "\",\"sessionId\":\"session-123\","
                        + "\"eventType\":\"ObjectArrive\",\"playerId\":\"player-456\",\"objectId\":\"fountain\","
                        + "\"occurredAt\":\"2026-01-09T10:30:00.250Z\"}"),
                Arguments.of(events.get(2), "{\"eventId\":\"" + events.get(2).id() + "\",\"sessionId\":\"session-123\","
                        + "\"eventType\":\"PuzzleSubmit\",\"playerId\":\"player-456\",\"puzzleId\":\"riddle-1\","
                        + "\"correct\":false,\"attempt\":2,\"occurredAt\":\"2026-01-09T10:30:00.250Z\"}"),
                Arguments.of(events.get(3), "{\"eventId\":\"" + events.get(3).id() + "\",\"sessionId\":\"session-123\","
                        + "\"eventType\":\"Milestone\",\"objectId\":\"fountain\","
                        + "\"occurredAt\":\"2026-01-09T10:30:00.250Z\"}"),
                Arguments.of(events.get(4), "{\"eventId\":\"" + events.get(4).id() + "\",\"sessionId\":\"session-123\","
                        + "\"eventType\":\"PeriodicCheck\",\"occurredAt\":\"2026-01-09T10:30:00.250Z\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detailOfEveryType")
    void the_detail_carries_the_deterministic_id_and_exactly_the_fields_of_the_event(GameEvent event, String detail) {
        publisher().publish(event);

        JsonNode entry = stub.calls().getFirst().entries().getFirst();
        assertThat(entry.path("DetailType").asText()).isEqualTo(event.type().wireName());
        assertThat(entry.path("Detail").asText()).isEqualTo(detail);
    }

    @Test
    void entries_reported_failed_are_sent_again_alone_until_accepted() {
        List<GameEvent> events = List.of(nodeComplete("node-1"), nodeComplete("node-2"), nodeComplete("node-3"));
        stub.script(failEntries("ThrottlingException", 0, 2), failEntries("InternalFailure", 1));

        publisher().publishAll(events);

        assertThat(stub.calls()).extracting(Call::eventIds).containsExactly(
                ids(events.get(0), events.get(1), events.get(2)),
                ids(events.get(0), events.get(2)),
                ids(events.get(2)));
    }

    @Test
    void an_event_failing_on_the_first_calls_is_published_on_a_later_one() {
        stub.script(2, failEntries("ThrottlingException", 0));

        publisher().publish(nodeComplete("node-3"));

        assertThat(stub.calls()).extracting(Call::eventIds)
                .containsOnly(ids(nodeComplete("node-3")))
                .hasSize(3);
    }

    @Test
    void an_entry_still_failing_when_the_attempts_run_out_makes_the_publish_say_it_is_unavailable_naming_it() {
        stub.script(10, failEntries("ThrottlingException", 0));

        assertThatThrownBy(() -> publisher(3, Duration.ofSeconds(30)).publish(nodeComplete("node-3")))
                .isInstanceOfSatisfying(EventPublisher.Unavailable.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)))
                .hasMessageContaining("after 3 attempt(s)")
                .hasMessageContaining("NodeComplete-90ba05788651bae2: ThrottlingException");
        assertThat(stub.calls()).hasSize(3);
    }

    @Test
    void once_the_deadline_has_passed_no_further_attempt_starts_and_the_caller_is_told_to_wait_a_second() {
        stub.script(10, failEntries("InternalFailure", 0));

        assertThatThrownBy(() -> publisher(10, Duration.ZERO).publish(nodeComplete("node-3")))
                .isInstanceOfSatisfying(EventPublisher.Unavailable.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)))
                .hasMessageContaining("InternalFailure");
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void throttled_calls_and_server_errors_are_retried_until_the_event_is_accepted() {
        stub.script(failCall(400, "ThrottlingException"), failCall(500, "InternalException"),
                failCall(503, "ServiceUnavailableException"));

        publisher().publish(nodeComplete("node-3"));

        assertThat(stub.calls()).hasSize(4);
        assertThat(stub.calls()).extracting(Call::eventIds).containsOnly(ids(nodeComplete("node-3")));
    }

    @Test
    void a_call_throttled_on_every_attempt_ends_unavailable_carrying_the_service_error() {
        stub.script(10, failCall(400, "ThrottlingException"));

        assertThatThrownBy(() -> publisher(3, Duration.ofSeconds(30)).publish(nodeComplete("node-3")))
                .isInstanceOf(EventPublisher.Unavailable.class)
                .cause().isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.isThrottlingException()).isTrue());
        assertThat(stub.calls()).hasSize(3);
    }

    @Test
    void a_call_refused_for_a_reason_a_retry_cannot_change_fails_at_once_as_a_fault_not_as_busy() {
        stub.script(failCall(400, "AccessDeniedException"));

        assertThatThrownBy(() -> publisher().publish(nodeComplete("node-3")))
                .isInstanceOf(EventPublishFailedException.class)
                .hasMessageContaining("NodeComplete-90ba05788651bae2")
                .cause().isInstanceOf(AwsServiceException.class);
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void an_entry_error_that_no_retry_can_pass_fails_the_publish_at_once() {
        stub.script(failEntries("MalformedDetail", 0));

        assertThatThrownBy(() -> publisher().publish(nodeComplete("node-3")))
                .isInstanceOf(EventPublishFailedException.class)
                .hasMessageContaining("MalformedDetail");
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void an_unreachable_endpoint_is_retried_within_the_budget_and_then_reported() {
        URI endpoint = stub.endpoint();
        stub.close();

        try (EventBridgeClient unreachable = EventBridgeStub.clientOn(endpoint)) {
            EventBridgePublisher publisher = new EventBridgePublisher(unreachable,
                    new Target("herald-bus", "herald.game"), new Budget(2, Duration.ofSeconds(30)));

            assertThatThrownBy(() -> publisher.publish(nodeComplete("node-3")))
                    .isInstanceOf(EventPublisher.Unavailable.class)
                    .hasMessageContaining("after 2 attempt(s)")
                    .cause().isInstanceOf(SdkClientException.class);
        }
    }

    @Test
    void more_events_than_one_call_takes_go_out_in_calls_of_ten() {
        List<GameEvent> events = IntStream.rangeClosed(1, 23).<GameEvent>mapToObj(i -> nodeComplete("node-" + i)).toList();

        publisher().publishAll(events);

        assertThat(stub.calls()).extracting(call -> call.entries().size()).containsExactly(10, 10, 3);
        assertThat(stub.calls().stream().flatMap(call -> call.eventIds().stream()))
                .containsExactlyElementsOf(events.stream().map(event -> event.id().value()).toList());
    }

    @Test
    void a_source_in_the_aws_namespace_is_refused_when_the_target_is_made() {
        assertThatThrownBy(() -> new Target("default", "aws.events"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aws.");
    }

    @Test
    void the_wait_a_given_up_publish_asks_for_is_its_deadline_kept_between_a_second_and_a_minute() {
        assertThat(new Budget(3, Duration.ofMillis(200)).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Budget(3, Duration.ofSeconds(5)).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new Budget(3, Duration.ofMinutes(10)).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void an_interrupted_publish_says_it_is_unavailable_and_keeps_the_interrupt() {
        stub.script(10, failEntries("ThrottlingException", 0));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> publisher(5, Duration.ofSeconds(30)).publish(nodeComplete("node-3")))
                    .isInstanceOf(EventPublisher.Unavailable.class)
                    .hasMessageContaining("interrupted while backing off");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void a_budget_without_a_single_attempt_is_refused() {
        assertThatThrownBy(() -> new Budget(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(GameEvent... events) {
        return Stream.of(events).map(event -> event.id().value()).toList();
    }
}
