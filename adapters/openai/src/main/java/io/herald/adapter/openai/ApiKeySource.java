package io.herald.adapter.openai;

import java.net.URI;
import java.util.Map;

/** Where the key comes from: configuration first, else the SSM parameter read through the Lambda extension at start. */
final class ApiKeySource {
    static final String SESSION_TOKEN_ENV = "AWS_SESSION_TOKEN";

    private ApiKeySource() {
    }

    static String resolve(OpenAiSettings settings, Map<String, String> environment) {
        if (settings.getApiKey() != null && !settings.getApiKey().isBlank()) {
            return settings.getApiKey();
        }
        if (settings.getApiKeyParameter() == null || settings.getApiKeyParameter().isBlank()) {
            throw new ApiKeyUnavailableException("neither " + ApiKeyConfigured.API_KEY + " nor "
                    + ApiKeyConfigured.API_KEY_PARAMETER + " is set");
        }
        return new ParameterStoreExtension(URI.create(settings.getParametersEndpoint()),
                environment.get(SESSION_TOKEN_ENV)).read(settings.getApiKeyParameter());
    }
}
