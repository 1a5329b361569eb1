package io.herald.domain;

/** Identifies one game session (a team's run), the partition of everything Herald stores for it. */
public record SessionId(String value) {
    public SessionId {
        Ids.require(value, "session id");
    }

    @Override
    public String toString() {
        return value;
    }
}
