package io.herald.application.fake;

import io.herald.application.port.MessageComposer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A composer whose answer the test chooses: a text, a failure, or an exception. It records what it was asked. */
public final class ScriptedComposer implements MessageComposer {
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Function<Request, Composition> script;
    private final boolean instant;

    private ScriptedComposer(Function<Request, Composition> script, boolean instant) {
        this.script = script;
        this.instant = instant;
    }

    private ScriptedComposer(Function<Request, Composition> script) {
        this(script, false);
    }

    /** The same answers from a composer that costs nothing, so messages are composed before their event is claimed. */
    public ScriptedComposer instant() {
        return new ScriptedComposer(script, true);
    }

    @Override
    public boolean isInstant() {
        return instant;
    }

    public static ScriptedComposer answering(String text) {
        return new ScriptedComposer(r -> new Composition.Text(text));
    }

    public static ScriptedComposer failing(String reason) {
        return new ScriptedComposer(r -> new Composition.Failed(reason));
    }

    public static ScriptedComposer throwing(RuntimeException error) {
        return new ScriptedComposer(r -> {
            throw error;
        });
    }

    @Override
    public Composition compose(Request request) {
        requests.add(request);
        return script.apply(request);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }
}
