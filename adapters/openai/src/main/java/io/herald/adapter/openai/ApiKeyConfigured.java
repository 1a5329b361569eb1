package io.herald.adapter.openai;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Composition on a model is on only when a key is named, directly or as an SSM parameter; without one another module
 * provides the fixed-text composer, so this module must offer none.
 */
final class ApiKeyConfigured implements Condition {
    static final String API_KEY = "herald.openai.api-key";
    static final String API_KEY_PARAMETER = "herald.openai.api-key-parameter";

    @Override
    public boolean matches(ConditionContext context) {
        return isSet(context, API_KEY) || isSet(context, API_KEY_PARAMETER);
    }

    private static boolean isSet(ConditionContext<?> context, String property) {
        return context.getProperty(property, String.class).filter(value -> !value.isBlank()).isPresent();
    }
}
