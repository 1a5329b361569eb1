package io.herald.adapter.openai;

/** The character definition a composer speaks from: a classpath default, a file or an S3 object. */
public interface SystemPromptSource {
    String systemPrompt();
}
