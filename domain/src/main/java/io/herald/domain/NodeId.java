package io.herald.domain;

/** A timeline node of the game's content, as the runtime names it. Free text, but never a key separator, so event ids built from it can be split again. */
public record NodeId(String value) {
    public NodeId {
        Ids.requireRef(value, "node id");
    }

    @Override
    public String toString() {
        return value;
    }
}
