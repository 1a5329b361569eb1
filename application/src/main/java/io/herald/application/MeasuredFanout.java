package io.herald.application;

import io.herald.application.port.Audience;
import io.herald.application.port.Clock;
import io.herald.application.port.Fanout;
import io.herald.application.port.Metrics;
import io.herald.application.port.Push;
import io.herald.application.port.Reach;
import java.time.Duration;
import java.time.Instant;

/**
 * The delivery engine as the operator sees it: every push counted by kind and by how far it got, and every AI
 * message copy that reached a device timed from the moment it was stored. Wraps whichever engine the shape brings.
 */
public final class MeasuredFanout implements Fanout {
    private final Fanout engine;
    private final Metrics metrics;
    private final Clock clock;

    public MeasuredFanout(Fanout engine, Metrics metrics, Clock clock) {
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Reach send(Audience audience, Push push) {
        Instant start = clock.now();
        Reach reach = engine.send(audience, push);
        Instant end = clock.now();
        metrics.pushed(kindOf(push), reach, Duration.between(start, end));
        if (push instanceof Push.AiMessage ai && reach.sent() > 0) {
            metrics.deliveredOnline(ai.message().type().wireName(),
                    Duration.between(ai.message().createdAt(), end));
        }
        return reach;
    }

    /** {@code AiMessage} → {@code ai_message}: a stable label for each kind of push, whatever its wire form. */
    static String kindOf(Push push) {
        String name = push.getClass().getSimpleName();
        StringBuilder label = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                label.append('_');
            }
            label.append(Character.toLowerCase(c));
        }
        return label.toString();
    }
}
