package io.herald.domain;

/** A physical or virtual object players arrive at, as the runtime names it. Free text, but never a key separator, so event ids built from it can be split again. */
public record ObjectId(String value) {
    public ObjectId {
        Ids.requireRef(value, "object id");
    }

    @Override
    public String toString() {
        return value;
    }
}
