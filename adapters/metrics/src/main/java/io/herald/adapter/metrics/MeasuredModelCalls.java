package io.herald.adapter.metrics;

import io.herald.application.spi.CompositionRecorder;
import io.herald.application.port.Metrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Whichever cost log the shape brings (the table's, or the log file's), it is wrapped so that every model call is
 * counted as well; the adapters that call the model need not know metrics exist.
 */
@Singleton
final class MeasuredModelCalls implements BeanCreatedEventListener<CompositionRecorder> {
    private final BeanProvider<Metrics> metrics;

    MeasuredModelCalls(BeanProvider<Metrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public CompositionRecorder onCreated(BeanCreatedEvent<CompositionRecorder> event) {
        return new MeasuredCompositionRecorder(event.getBean(), metrics.get());
    }
}
