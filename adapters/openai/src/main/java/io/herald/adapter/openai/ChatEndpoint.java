package io.herald.adapter.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIRetryableException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.completions.CompletionUsage;
import io.herald.application.port.Clock;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One chat-completion request through the official SDK, every way it can end mapped to an {@link Attempt}. Reasons
 * are built from status codes and exception types only, never from a response body, which may echo the prompt.
 */
final class ChatEndpoint {
    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";
    /** The statuses the SDK itself would retry besides 429 and 5xx: request timeout and conflict. */
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 409);

    private final OpenAIClient client;
    private final ModelSettings model;
    private final Clock clock;

    /**
     * What every request asks of the model. The token cap goes out as {@code max_completion_tokens}: {@code max_tokens}
     * is deprecated and refused by reasoning models such as the gpt-5 family. The values are checked where they are
     * configured ({@link OpenAiSettings}).
     */
    record ModelSettings(String name, long maxTokens, double temperature) {
    }

    ChatEndpoint(OpenAIClient client, ModelSettings model, Clock clock) {
        this.client = client;
        this.model = model;
        this.clock = clock;
    }

    String modelName() {
        return model.name();
    }

    static ChatCompletionCreateParams params(ModelSettings model, String systemPrompt, String userPrompt) {
        return ChatCompletionCreateParams.builder()
                .model(model.name())
                .addSystemMessage(systemPrompt)
                .addUserMessage(userPrompt)
                .maxCompletionTokens(model.maxTokens())
                .temperature(model.temperature())
                .build();
    }

    Attempt send(String systemPrompt, String userPrompt, Duration timeout) {
        ChatCompletionCreateParams params = params(model, systemPrompt, userPrompt);
        RequestOptions options = RequestOptions.builder()
                .timeout(Timeout.builder().connect(timeout).read(timeout).write(timeout).request(timeout).build())
                .build();
        try {
            return answer(client.chat().completions().create(params, options));
        } catch (OpenAIServiceException e) {
            return byStatus(e);
        } catch (OpenAIIoException e) {
            return new Attempt.Transient(timedOut(e) ? "timeout" : "connection failed (" + rootCause(e) + ")",
                    Optional.empty());
        } catch (OpenAIRetryableException e) {
            return new Attempt.Transient("retryable client error", Optional.empty());
        } catch (OpenAIInvalidDataException e) {
            return new Attempt.Broken("malformed response");
        } catch (OpenAIException e) {
            return new Attempt.Broken("client error (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Fields compatible servers often leave out (usage, finish reason) are read leniently; choices are required. */
    private static Attempt answer(ChatCompletion completion) {
        Usage usage = completion._usage().asKnown().map(ChatEndpoint::usage).orElse(Usage.NONE);
        if (completion.choices().isEmpty()) {
            return new Attempt.Declined("no choices in the response", usage);
        }
        ChatCompletion.Choice first = completion.choices().getFirst();
        ChatCompletionMessage message = first.message();
        if (message.refusal().isPresent()) {
            return new Attempt.Declined("model refused", usage);
        }
        if (first._finishReason().asKnown().filter(ChatCompletion.Choice.FinishReason.LENGTH::equals).isPresent()) {
            return new Attempt.Declined("output cut at the token limit", usage);
        }
        return new Attempt.Answered(message.content().orElse(""), usage);
    }

    private static Usage usage(CompletionUsage usage) {
        return new Usage(tokens(usage._promptTokens().asKnown()), tokens(usage._completionTokens().asKnown()));
    }

    private static int tokens(Optional<Long> count) {
        return Math.clamp(count.orElse(0L), 0, Integer.MAX_VALUE);
    }

    private Attempt byStatus(OpenAIServiceException e) {
        int status = e.statusCode();
        if (status == 429 && isQuota(e)) {
            return new Attempt.Broken("insufficient quota (429)");
        }
        if (status == 429 || status >= 500 || RETRYABLE_STATUSES.contains(status)) {
            String what = status == 429 ? "rate limited" : status >= 500 ? "server error" : "retryable status";
            return new Attempt.Transient(what + " (" + status + ")", RetryAfter.from(e.headers(), clock.now()));
        }
        return new Attempt.Broken("refused by the endpoint (" + status + ")");
    }

    private static boolean isQuota(OpenAIServiceException e) {
        return e.code().filter(INSUFFICIENT_QUOTA::equals).isPresent()
                || e.type().filter(INSUFFICIENT_QUOTA::equals).isPresent();
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
