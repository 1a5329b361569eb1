package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoomIdTest {

    @Test
    void the_guild_prefix_alone_makes_a_guild_room() {
        RoomId guildRoom = new RoomId("GUILD#raiders");

        assertThat(guildRoom.isGuild()).isTrue();
        assertThat(guildRoom.guild()).contains(new GuildId("raiders"));
        assertThat(RoomId.of(new GuildId("raiders"))).isEqualTo(guildRoom);
        assertThat(new RoomId("lobby").guild()).isEmpty();
        assertThat(new RoomId("guild-lobby").isGuild()).isFalse();
    }

    @Test
    void a_guild_room_needs_a_valid_guild_id_and_other_rooms_follow_the_id_rules() {
        assertThatThrownBy(() -> new RoomId("GUILD#")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> new RoomId("GUILD#a#b")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> new RoomId("ROOM#x")).isInstanceOf(InvalidIdException.class);
        assertThatThrownBy(() -> new RoomId("two words")).isInstanceOf(InvalidIdException.class);
    }

    @Test
    void unread_counts_what_follows_the_read_cursor_in_the_same_epoch() {
        Room room = new Room(new RoomId("lobby"), "Lobby", 10, 7, 3, java.time.Instant.EPOCH);

        assertThat(room.unreadAfter(new RoomPosition(4, 7))).isEqualTo(6);
        assertThat(room.unreadAfter(new RoomPosition(12, 7))).isZero();
        assertThat(room.unreadAfter(new RoomPosition(4, 6))).isEqualTo(10);
    }
}
