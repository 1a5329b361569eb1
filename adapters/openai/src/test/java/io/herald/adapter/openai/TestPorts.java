package io.herald.adapter.openai;

import io.herald.application.fake.FakeHerald;
import io.herald.application.fake.ManualClock;
import io.herald.application.fake.RecordingCompositionRecorder;
import io.herald.application.port.Clock;
import io.herald.application.spi.CompositionRecorder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The ports this module needs but others implement (time, cost records), as the application's fakes. */
@Factory
class TestPorts {

    @Singleton
    Clock clock() {
        return new ManualClock(FakeHerald.START);
    }

    @Singleton
    CompositionRecorder compositionRecorder() {
        return new RecordingCompositionRecorder();
    }
}
