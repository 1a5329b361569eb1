package io.herald.adapter.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.herald.application.port.CharacterVoice;
import io.herald.application.port.Clock;
import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.MessageComposer;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Herald's Micronaut integration of the official OpenAI SDK (there is no micronaut-openai artifact): the system
 * prompt source always, and the client and composer only when a key is configured, so that without one the fixed-text
 * composer of another module is the only {@link MessageComposer}.
 */
@Factory
public class OpenAiFactory {

    @Singleton
    SystemPromptSource systemPromptSource(OpenAiSettings settings, Clock clock, BeanProvider<S3Client> s3) {
        return new RefreshingSystemPrompt(new PromptLoader(PromptLocation.parse(settings.systemPrompt()), s3::get),
                settings.systemPromptRefresh(), clock);
    }

    /** The SDK's own retries are off: {@link OpenAiComposer} retries within the event's budget instead. */
    @Singleton
    @Requires(condition = ApiKeyConfigured.class)
    @Bean(preDestroy = "close")
    OpenAIClient openAiClient(OpenAiSettings settings,
            @Value("${" + ApiKeySource.SESSION_TOKEN + ":}") String sessionToken) {
        return OpenAIOkHttpClient.builder()
                .jsonMapper(SdkWarmUp.warmedMapper(model(settings)))
                .apiKey(ApiKeySource.resolve(settings, sessionToken))
                .baseUrl(settings.baseUrl())
                .maxRetries(0)
                .timeout(settings.callTimeout())
                .build();
    }

    /** Eager, so a key that cannot be read or a prompt that cannot be loaded stops the start (the cold start). */
    @Context
    @Requires(condition = ApiKeyConfigured.class)
    OpenAiComposer messageComposer(OpenAIClient client, OpenAiSettings settings, SystemPromptSource prompts,
            CompositionRecorder recorder, Clock clock) {
        return new OpenAiComposer(new ChatEndpoint(client, model(settings), clock), prompts, recorder,
                new CircuitBreaker(settings.breakerThreshold(), settings.breakerOpenFor(), clock),
                new OpenAiComposer.Budget(settings.callTimeout(), settings.budget()), clock);
    }

    /** Characters' chat lines, through the same endpoint, budget and breaker as the event messages. */
    @Singleton
    @Requires(condition = ApiKeyConfigured.class)
    CharacterVoice characterVoice(OpenAiComposer composer, CompositionRecorder recorder, Clock clock) {
        return new OpenAiCharacterVoice(composer, recorder, clock);
    }

    private static ChatEndpoint.ModelSettings model(OpenAiSettings settings) {
        return new ChatEndpoint.ModelSettings(settings.model(), settings.maxTokens(), settings.temperature());
    }
}
