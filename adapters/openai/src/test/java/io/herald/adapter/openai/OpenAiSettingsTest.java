package io.herald.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bad {@code herald.openai.*} value is refused with the property and its environment variable named. */
class OpenAiSettingsTest {
    private final OpenAiSettingsDraft draft = new OpenAiSettingsDraft();

    @Test
    void the_model_is_named_and_asked_for_a_token_at_a_temperature_the_api_accepts() {
        draft.setModel(" ");
        assertThatThrownBy(draft::bound).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.openai.model (HERALD_OPENAI_MODEL) must not be blank");
        draft.setModel("gpt");
        draft.setMaxTokens(0);
        assertThatThrownBy(draft::bound)
                .hasMessage("herald.openai.max-tokens (HERALD_OPENAI_MAX_TOKENS) must be at least 1, was 0");
        draft.setMaxTokens(1);
        draft.setTemperature(2.5);
        assertThatThrownBy(draft::bound)
                .hasMessage("herald.openai.temperature (HERALD_OPENAI_TEMPERATURE) must be between 0 and 2, was 2.5");
    }

    @Test
    void a_call_and_an_event_take_some_time_and_the_breaker_opens_after_a_failure_or_more() {
        draft.setCallTimeout(Duration.ZERO);
        assertThatThrownBy(draft::bound)
                .hasMessage("herald.openai.call-timeout (HERALD_OPENAI_CALL_TIMEOUT) must be longer than 0s, was 0s");
        draft.setCallTimeout(Duration.ofSeconds(3));
        draft.setBudget(Duration.ofSeconds(-10));
        assertThatThrownBy(draft::bound)
                .hasMessage("herald.openai.budget (HERALD_OPENAI_BUDGET) must be longer than 0s, was -10s");
        draft.setBudget(Duration.ofSeconds(10));
        draft.setBreakerThreshold(0);
        assertThatThrownBy(draft::bound).hasMessage(
                "herald.openai.breaker-threshold (HERALD_OPENAI_BREAKER_THRESHOLD) must be at least 1, was 0");
    }

    @Test
    void the_endpoints_are_urls() {
        draft.setBaseUrl("api.openai.com/v1");
        assertThatThrownBy(draft::bound).hasMessage(
                "herald.openai.base-url (HERALD_OPENAI_BASE_URL) must be an absolute URL, was api.openai.com/v1");
        draft.setBaseUrl("https://api.openai.com/v1");
        draft.setParametersEndpoint("http://local host:2773");
        assertThatThrownBy(draft::bound).hasMessageStartingWith(
                "herald.openai.parameters-endpoint (HERALD_OPENAI_PARAMETERS_ENDPOINT) is not a URL");
    }

    @Test
    void the_key_stays_out_of_the_settings_text() {
        draft.setApiKey("sk-very-secret");

        assertThat(draft.bound().toString()).contains("apiKey=(set)").doesNotContain("sk-very-secret");
    }

    @Test
    void without_a_key_a_bad_value_still_stops_the_start() {
        ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false)
                .properties(Map.of("herald.openai.max-tokens", 0)).build();

        assertThatThrownBy(context::start)
                .hasMessageContaining("herald.openai.max-tokens (HERALD_OPENAI_MAX_TOKENS) must be at least 1, was 0");
    }

    @Test
    void unset_the_settings_are_the_documented_defaults() {
        OpenAiSettings defaults = OpenAiSettingsDraft.defaults();

        assertThat(defaults.apiKey()).isNull();
        assertThat(defaults.apiKeyParameter()).isNull();
        assertThat(defaults.parametersEndpoint()).isEqualTo("http://localhost:2773");
        assertThat(defaults.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(defaults.model()).isEqualTo("gpt-5.2-2025-12-11");
        assertThat(defaults.maxTokens()).isEqualTo(150);
        assertThat(defaults.temperature()).isEqualTo(0.7);
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.breakerThreshold()).isEqualTo(5);
        assertThat(defaults.breakerOpenFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.systemPrompt()).isEqualTo("classpath:herald/default-system-prompt.txt");
        assertThat(defaults.systemPromptRefresh()).isEqualTo(Duration.ofMinutes(5));
    }
}
