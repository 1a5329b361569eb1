package io.herald.domain;

import java.util.Optional;

/**
 * Identifies a chat room. A guild's room is named {@code GUILD#{guildId}} (seed 002): the prefix alone decides that
 * it is a guild room, kept in the guild's partition, joined only through the guild's member list. Any other value
 * is a general room and follows the id rules of every other id.
 */
public record RoomId(String value) {
    public static final String GUILD_PREFIX = "GUILD#";

    public RoomId {
        if (value != null && value.startsWith(GUILD_PREFIX)) {
            Ids.require(value.substring(GUILD_PREFIX.length()), "guild id");
        } else {
            Ids.require(value, "room id");
        }
    }

    public static RoomId of(GuildId guild) {
        return new RoomId(GUILD_PREFIX + guild.value());
    }

    public Optional<GuildId> guild() {
        return value.startsWith(GUILD_PREFIX)
                ? Optional.of(new GuildId(value.substring(GUILD_PREFIX.length())))
                : Optional.empty();
    }

    public boolean isGuild() {
        return value.startsWith(GUILD_PREFIX);
    }

    @Override
    public String toString() {
        return value;
    }
}
