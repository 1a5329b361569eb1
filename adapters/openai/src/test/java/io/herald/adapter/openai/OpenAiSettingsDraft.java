package io.herald.adapter.openai;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;

/**
 * {@link OpenAiSettings} as a test changes them before the composer is built: Herald's defaults, as configuration
 * binds them, then whatever the test sets. {@link #bound()} checks them as binding would.
 */
final class OpenAiSettingsDraft {
    private static final OpenAiSettings DEFAULTS = bindDefaults();

    private String apiKey = DEFAULTS.apiKey();
    private String apiKeyParameter = DEFAULTS.apiKeyParameter();
    private String parametersEndpoint = DEFAULTS.parametersEndpoint();
    private String baseUrl = DEFAULTS.baseUrl();
    private String model = DEFAULTS.model();
    private int maxTokens = DEFAULTS.maxTokens();
    private double temperature = DEFAULTS.temperature();
    private Duration callTimeout = DEFAULTS.callTimeout();
    private Duration budget = DEFAULTS.budget();
    private int breakerThreshold = DEFAULTS.breakerThreshold();
    private Duration breakerOpenFor = DEFAULTS.breakerOpenFor();

    static OpenAiSettings defaults() {
        return DEFAULTS;
    }

    private static OpenAiSettings bindDefaults() {
        try (ApplicationContext context = ApplicationContext.builder().environmentPropertySource(false).start()) {
            return context.getBean(OpenAiSettings.class);
        }
    }

    OpenAiSettings bound() {
        return new OpenAiSettings(apiKey, apiKeyParameter, parametersEndpoint, baseUrl, model, maxTokens, temperature,
                callTimeout, budget, breakerThreshold, breakerOpenFor, DEFAULTS.systemPrompt(),
                DEFAULTS.systemPromptRefresh());
    }

    void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    void setApiKeyParameter(String apiKeyParameter) {
        this.apiKeyParameter = apiKeyParameter;
    }

    void setParametersEndpoint(String parametersEndpoint) {
        this.parametersEndpoint = parametersEndpoint;
    }

    void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void setModel(String model) {
        this.model = model;
    }

    void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    void setBudget(Duration budget) {
        this.budget = budget;
    }

    void setBreakerThreshold(int breakerThreshold) {
        this.breakerThreshold = breakerThreshold;
    }

    void setBreakerOpenFor(Duration breakerOpenFor) {
        this.breakerOpenFor = breakerOpenFor;
    }
}
