package io.herald.adapter.micronaut;

import io.herald.application.port.MessageComposer;
import io.herald.domain.FallbackText;
import io.herald.domain.PeriodicCheck;

/** The composer when no model is configured: Herald works with no key at all, speaking its fixed lines. */
final class FixedTextComposer implements MessageComposer {
    @Override
    public Composition compose(Request request) {
        if (request.event() instanceof PeriodicCheck) {
            return new Composition.Failed("periodic checks do not speak");
        }
        return new Composition.Text(FallbackText.forEvent(request.event()));
    }

    /** Fixed lines cost nothing, so the message is composed first and stored with its claim in one write. */
    @Override
    public boolean isInstant() {
        return true;
    }
}
