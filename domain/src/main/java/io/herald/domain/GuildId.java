package io.herald.domain;

/** Identifies a guild; its chat is the room {@code GUILD#{guildId}}, whose members are the guild's members. */
public record GuildId(String value) {
    public GuildId {
        Ids.require(value, "guild id");
    }

    @Override
    public String toString() {
        return value;
    }
}
