package io.herald.application.fake;

import io.herald.application.spi.CompositionRecorder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every recorded model call, in order. */
public final class RecordingCompositionRecorder implements CompositionRecorder {
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void record(Call call) {
        calls.add(call);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
