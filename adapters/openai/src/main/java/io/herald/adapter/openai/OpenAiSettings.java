package io.herald.adapter.openai;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * {@code herald.openai.*}: where the key comes from, which OpenAI-compatible endpoint and model to call and how,
 * how long an event may spend on it, when to stop calling, and where the system prompt lives. Bound at start, with or
 * without a key, so a bad value stops the start instead of turning every message into the fixed text.
 *
 * @param apiKey the key itself: {@code HERALD_OPENAI_API_KEY}, or {@code OPENAI_API_KEY} where the application's
 *        configuration maps it here (the server's does)
 * @param apiKeyParameter the SSM parameter holding the key, read once at start through the Parameters and Secrets
 *        extension
 * @param parametersEndpoint the extension's local endpoint (its port follows
 *        {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT})
 * @param maxTokens sent as {@code max_completion_tokens}
 * @param temperature 0 to 2, as the API accepts
 * @param callTimeout the most one request may take
 * @param budget the most one event may spend on requests, retries and waits before the fallback text is used
 * @param breakerThreshold failed requests in a row after which the circuit opens
 * @param breakerOpenFor how long an open circuit refuses every call before it lets one trial through
 * @param systemPrompt {@code classpath:…}, {@code file:…} (or a bare path) or {@code s3://bucket/key}; a {@code .py}
 *        is parsed ({@link PromptLocation} says what else it must be)
 * @param systemPromptRefresh how long a loaded prompt is used before it is read again
 */
@Context
@ConfigurationProperties(OpenAiSettings.PREFIX)
public record OpenAiSettings(
        @Nullable String apiKey,
        @Nullable String apiKeyParameter,
        @Bindable(defaultValue = "http://localhost:2773") String parametersEndpoint,
        @Bindable(defaultValue = "https://api.openai.com/v1") String baseUrl,
        @Bindable(defaultValue = "gpt-5.2-2025-12-11") String model,
        @Bindable(defaultValue = "150") int maxTokens,
        @Bindable(defaultValue = "0.7") double temperature,
        @Bindable(defaultValue = "3s") Duration callTimeout,
        @Bindable(defaultValue = "10s") Duration budget,
        @Bindable(defaultValue = "5") int breakerThreshold,
        @Bindable(defaultValue = "30s") Duration breakerOpenFor,
        @Bindable(defaultValue = "classpath:herald/default-system-prompt.txt") String systemPrompt,
        @Bindable(defaultValue = "5m") Duration systemPromptRefresh) {
    static final String PREFIX = "herald.openai";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public OpenAiSettings {
        requireAbsoluteUrl("parameters-endpoint", parametersEndpoint);
        requireAbsoluteUrl("base-url", baseUrl);
        CHECK.notBlank("model", model);
        CHECK.atLeast("max-tokens", maxTokens, 1);
        if (!(temperature >= 0 && temperature <= 2)) {
            throw CHECK.invalid("temperature", "must be between 0 and 2, was " + temperature);
        }
        CHECK.positive("call-timeout", callTimeout);
        CHECK.positive("budget", budget);
        CHECK.atLeast("breaker-threshold", breakerThreshold, 1);
        CHECK.notNegative("breaker-open-for", breakerOpenFor);
        CHECK.notBlank("system-prompt", systemPrompt);
        CHECK.notNegative("system-prompt-refresh", systemPromptRefresh);
    }

    private static void requireAbsoluteUrl(String name, String value) {
        CHECK.notBlank(name, value);
        try {
            if (!new URI(value).isAbsolute()) {
                throw CHECK.invalid(name, "must be an absolute URL, was " + value);
            }
        } catch (URISyntaxException e) {
            throw CHECK.invalid(name, "is not a URL: " + value);
        }
    }

    /** Without the key: settings end up in logs and error messages, the key must not. */
    @Override
    public String toString() {
        return "OpenAiSettings[apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "(set)")
                + ", apiKeyParameter=" + apiKeyParameter + ", parametersEndpoint=" + parametersEndpoint
                + ", baseUrl=" + baseUrl + ", model=" + model + ", maxTokens=" + maxTokens
                + ", temperature=" + temperature + ", callTimeout=" + callTimeout + ", budget=" + budget
                + ", breakerThreshold=" + breakerThreshold + ", breakerOpenFor=" + breakerOpenFor
                + ", systemPrompt=" + systemPrompt + ", systemPromptRefresh=" + systemPromptRefresh + "]";
    }
}
