package io.herald.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;

/**
 * Micronaut's Lambda builder creates every singleton while the function starts; a handler needs a third of them
 * (the WebSocket route never publishes to EventBridge nor reads S3), so a cold start without SnapStart builds only
 * what its first request touches. Each handler's SnapStart priming calls {@link #createSingletons} first, so a
 * restored snapshot holds every singleton, as it did with the eager start.
 */
final class LazyStart {
    private LazyStart() {
    }

    /** Micronaut's Lambda builder minus its eager start (a builder cannot be told to stop being eager once told). */
    static ApplicationContextBuilder builder() {
        return ApplicationContext.builder().environments("function", "lambda");
    }

    /**
     * What the eager start would have built: every singleton whose requirements hold (beans ruled out are absent).
     * One bean per configuration entry ({@code @EachProperty}, {@code @EachBean}) is created with the bean it
     * depends on, never on its own.
     */
    static void createSingletons(ApplicationContext context) {
        for (BeanDefinition<?> definition : context.getBeanDefinitions(Qualifiers.byStereotype(Singleton.class))) {
            if (!definition.isAbstract() && !definition.isIterable()) {
                context.getBean(definition);
            }
        }
    }
}
