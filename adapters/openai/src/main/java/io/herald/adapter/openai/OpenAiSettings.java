package io.herald.adapter.openai;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.openai.*}: where the key comes from, which OpenAI-compatible endpoint and model to call and how,
 * how long an event may spend on it, when to stop calling, and where the system prompt lives.
 */
@ConfigurationProperties("herald.openai")
public class OpenAiSettings {
    private String apiKey;
    private String apiKeyParameter;
    private String parametersEndpoint = "http://localhost:2773";
    private String baseUrl = "https://api.openai.com/v1";
    private String model = "gpt-5.2-2025-12-11";
    private int maxTokens = 150;
    private double temperature = 0.7;
    private Duration callTimeout = Duration.ofSeconds(3);
    private Duration budget = Duration.ofSeconds(10);
    private int breakerThreshold = 5;
    private Duration breakerOpenFor = Duration.ofSeconds(30);
    private String systemPrompt = "classpath:herald/default-system-prompt.txt";
    private Duration systemPromptRefresh = Duration.ofMinutes(5);

    /** The key itself, from configuration or the {@code HERALD_OPENAI_API_KEY} environment variable. */
    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The SSM parameter holding the key, read once at start through the Parameters and Secrets extension. */
    public String getApiKeyParameter() {
        return apiKeyParameter;
    }

    public void setApiKeyParameter(String apiKeyParameter) {
        this.apiKeyParameter = apiKeyParameter;
    }

    /** The extension's local endpoint (its port follows {@code PARAMETERS_SECRETS_EXTENSION_HTTP_PORT}). */
    public String getParametersEndpoint() {
        return parametersEndpoint;
    }

    public void setParametersEndpoint(String parametersEndpoint) {
        this.parametersEndpoint = parametersEndpoint;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public int getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public double getTemperature() {
        return temperature;
    }

    public void setTemperature(double temperature) {
        this.temperature = temperature;
    }

    /** The most one request may take. */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** The most one event may spend on requests, retries and waits before the fallback text is used. */
    public Duration getBudget() {
        return budget;
    }

    public void setBudget(Duration budget) {
        this.budget = budget;
    }

    /** Failed requests in a row after which the circuit opens. */
    public int getBreakerThreshold() {
        return breakerThreshold;
    }

    public void setBreakerThreshold(int breakerThreshold) {
        this.breakerThreshold = breakerThreshold;
    }

    /** How long an open circuit refuses every call before it lets one trial through. */
    public Duration getBreakerOpenFor() {
        return breakerOpenFor;
    }

    public void setBreakerOpenFor(Duration breakerOpenFor) {
        this.breakerOpenFor = breakerOpenFor;
    }

    /** {@code classpath:…}, {@code file:…} (or a bare path) or {@code s3://bucket/key}; a {@code .py} is parsed. */
    public String getSystemPrompt() {
        return systemPrompt;
    }

    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    public Duration getSystemPromptRefresh() {
        return systemPromptRefresh;
    }

    public void setSystemPromptRefresh(Duration systemPromptRefresh) {
        this.systemPromptRefresh = systemPromptRefresh;
    }
}
