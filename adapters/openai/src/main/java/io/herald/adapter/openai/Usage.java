package io.herald.adapter.openai;

/** Tokens a request was billed for, summed over the attempts of one event for its cost record. */
record Usage(int promptTokens, int completionTokens) {
    static final Usage NONE = new Usage(0, 0);

    Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
    }
}
