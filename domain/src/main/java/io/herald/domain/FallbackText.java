package io.herald.domain;

/** The fixed lines sent when no composer is configured or it fails, so a decided message is always sent. */
public final class FallbackText {
    private FallbackText() {
    }

    public static String forEvent(GameEvent event) {
        return switch (event) {
            case NodeComplete e -> "Great work completing that step! Keep going.";
            case ObjectArrive e -> "You made it! Take a look around, there is more to discover here.";
            case PuzzleSubmit e when e.correct() -> "Brilliant, that's the right answer!";
            case PuzzleSubmit e -> "Not quite, but you're close. Give it another try!";
            case Milestone e -> "The whole team is here together. Well done, everyone!";
            case PeriodicCheck e -> "Still with us? You're doing great.";
        };
    }
}
