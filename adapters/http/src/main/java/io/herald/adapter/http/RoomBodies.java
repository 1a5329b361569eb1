package io.herald.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.application.port.RoomStore;
import io.herald.domain.Member;
import io.herald.domain.Room;
import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answers of rooms and guild member lists. A room is told as the same fields wherever it appears; joining says
 * whether the player already was a member, leaving does not (the field is left out, not false).
 */
final class RoomBodies {
    private static final String ALWAYS_TRUE = ResponseBodies.ALWAYS_TRUE;

    private RoomBodies() {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RoomCreated", description = "The room made; a player who made it is its first member",
            requiredProperties = {"roomId", "name", "guild", "offset", "epoch", "members", "success"})
    public record RoomCreated(String roomId, String name, @Schema(description = "a guild's room") boolean guild,
            @Schema(description = "of its last message") long offset, long epoch, int members,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static RoomCreated of(Room room) {
            return new RoomCreated(room.id().value(), room.name(), room.id().isGuild(), room.lastOffset(), room.epoch(),
                    room.members(), true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "MemberRoom", description = "A room of the caller's, and how far the caller read it",
            requiredProperties = {"roomId", "name", "guild", "offset", "epoch", "members", "unread", "readOffset"})
    public record MemberRoom(String roomId, String name, boolean guild, long offset, long epoch, int members,
            long unread, long readOffset) {

        static MemberRoom of(RoomStore.MemberRoom mine) {
            Room room = mine.room();
            return new MemberRoom(room.id().value(), room.name(), room.id().isGuild(), room.lastOffset(), room.epoch(),
                    room.members(), mine.unread(), mine.membership().read().offset());
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RoomList", requiredProperties = {"rooms", "success"})
    public record RoomList(List<MemberRoom> rooms, @Schema(description = ALWAYS_TRUE) boolean success) {

        RoomList(List<MemberRoom> rooms) {
            this(rooms, true);
        }
    }

    /** Also a guild member's, whose room is {@code GUILD#{guildId}}. */
    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RoomMembership", description = "Whether the player is now a member of the room",
            requiredProperties = {"roomId", "member", "success"})
    public record RoomMembership(String roomId, boolean member,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "on joining only: the player already was a member") Boolean already,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        static RoomMembership joined(String roomId, boolean already) {
            return new RoomMembership(roomId, true, already, true);
        }

        static RoomMembership left(String roomId) {
            return new RoomMembership(roomId, false, null, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ReadMark", description = "Where the member's read cursor is now (it never moves back)",
            requiredProperties = {"roomId", "readOffset", "epoch", "success"})
    public record ReadMark(String roomId, long readOffset, long epoch,
            @Schema(description = ALWAYS_TRUE) boolean success) {

        ReadMark(String roomId, long readOffset, long epoch) {
            this(roomId, readOffset, epoch, true);
        }
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "GuildMemberPage", description = "A page of a guild's members",
            requiredProperties = {"guildId", "members", "success"})
    public record GuildMemberPage(String guildId, List<GuildMember> members,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "sessionId|playerId of the last member: pass it as 'after' to read on; left out "
                    + "when the page is not full") String next,
            @Schema(description = ALWAYS_TRUE) boolean success) {
    }

    @Introspected
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "GuildMember", requiredProperties = {"sessionId", "playerId"})
    public record GuildMember(String sessionId, String playerId) {

        static GuildMember of(Member member) {
            return new GuildMember(member.session().value(), member.player().value());
        }
    }
}
