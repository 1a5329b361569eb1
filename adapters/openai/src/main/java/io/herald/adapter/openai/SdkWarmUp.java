package io.herald.adapter.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletion;

/**
 * The SDK's JSON mapper with one request written and one reply read through it. Cold, that costs seconds of class
 * loading and serializer set-up which would otherwise fall inside the first call's timeout; done while the
 * application starts (the Lambda's init), the first event gets a real answer instead of the fallback text.
 */
final class SdkWarmUp {
    private static final String SAMPLE_REPLY = """
            {"id":"warm-up","object":"chat.completion","created":0,"model":"warm-up",
             "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello"}}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private SdkWarmUp() {
    }

    static JsonMapper warmedMapper(ChatEndpoint.ModelSettings model) {
        JsonMapper mapper = ObjectMappers.jsonMapper();
        try {
            mapper.writeValueAsString(ChatEndpoint.params(model, "warm-up", "warm-up")._body());
            mapper.readValue(SAMPLE_REPLY, ChatCompletion.class).validate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAI SDK cannot read or write its own chat completion types", e);
        }
        return mapper;
    }
}
