package io.herald.adapter.openai;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/** Where the key comes from: configuration first, else the SSM parameter read through the Lambda extension at start. */
final class ApiKeySource {
    /**
     * The Lambda's session token, which the extension requires: the runtime sets {@code AWS_SESSION_TOKEN}, which
     * Micronaut's environment-variable convention binds to this property.
     */
    static final String SESSION_TOKEN = "aws.session-token";

    private ApiKeySource() {
    }

    static String resolve(OpenAiSettings settings, @Nullable String sessionToken) {
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            return settings.apiKey();
        }
        if (settings.apiKeyParameter() == null || settings.apiKeyParameter().isBlank()) {
            throw new ApiKeyUnavailableException("neither " + ApiKeyConfigured.API_KEY + " nor "
                    + ApiKeyConfigured.API_KEY_PARAMETER + " is set");
        }
        return new ParameterStoreExtension(URI.create(settings.parametersEndpoint()), sessionToken)
                .read(settings.apiKeyParameter());
    }
}
