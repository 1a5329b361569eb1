package io.herald.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.dynamodb.*} value is refused with the property and its environment variable named. */
class DynamoDbSettingsTest {
    private static final Duration S = Duration.ofSeconds(1);

    @Test
    void a_call_needs_an_attempt_and_time_bounds() {
        assertThatThrownBy(() -> LocalDynamoDb.settings(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.dynamodb.max-attempts (HERALD_DYNAMODB_MAX_ATTEMPTS) must be at least 1, was 0");
        assertThatThrownBy(() -> new DynamoDbSettings("herald", false, S, S, false, false, 1, Duration.ZERO))
                .hasMessage("herald.dynamodb.attempt-timeout (HERALD_DYNAMODB_ATTEMPT_TIMEOUT) must be longer than 0s, "
                        + "was 0s");
        assertThatThrownBy(() -> new DynamoDbSettings("herald", false, S, Duration.ofSeconds(-1), false, false, 1, S))
                .hasMessageStartingWith("herald.dynamodb.write-deadline (HERALD_DYNAMODB_WRITE_DEADLINE)");
        assertThatThrownBy(() -> new DynamoDbSettings("herald", false, Duration.ZERO, S, false, false, 1, S))
                .hasMessageStartingWith("herald.dynamodb.claim-lease (HERALD_DYNAMODB_CLAIM_LEASE)");
    }

    @Test
    void the_table_must_be_named() {
        assertThatThrownBy(() -> new DynamoDbSettings(" ", false, S, S, false, false, 1, S))
                .hasMessage("herald.dynamodb.table-name (HERALD_DYNAMODB_TABLE_NAME) must not be blank");
    }

    @Test
    void unset_the_settings_are_the_documented_defaults() {
        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false).build()) {
            context.start();
            assertThat(context.getBean(DynamoDbSettings.class)).isEqualTo(LocalDynamoDb.settings(8));
        }
    }
}
