package io.herald.domain;

/** A puzzle of the game's content, as the runtime names it. Free text, but never a key separator, so event ids built from it can be split again. */
public record PuzzleId(String value) {
    public PuzzleId {
        Ids.requireRef(value, "puzzle id");
    }

    @Override
    public String toString() {
        return value;
    }
}
