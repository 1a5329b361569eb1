package io.herald.application.port;

/**
 * How far one push got on the devices this process could see: a push that failed leaves its message owed to
 * catch-up, so failures are counted, not thrown. Devices on other nodes are reached by relay and not counted here.
 */
public record Reach(int sent, int gone, int failed) {
    public static final Reach NONE = new Reach(0, 0, 0);

    public Reach {
        if (sent < 0 || gone < 0 || failed < 0) {
            throw new IllegalArgumentException("a reach counts devices; it cannot be negative");
        }
    }

    public Reach plus(Reach other) {
        return new Reach(sent + other.sent, gone + other.gone, failed + other.failed);
    }
}
