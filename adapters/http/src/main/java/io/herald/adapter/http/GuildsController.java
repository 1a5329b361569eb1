package io.herald.adapter.http;

import io.herald.application.GuildMembers;
import io.herald.application.Refused;
import io.herald.domain.GuildId;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Optional;

/**
 * A guild's member list, kept by the game's backend with the service key: its members are the members of the room
 * {@code GUILD#{guildId}}, which exists from the first of them on.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/guilds/{guildId}/members")
public class GuildsController {
    private static final String SERVICE_ONLY = "a guild\'s members are kept with the service key";
    private final GuildMembers guilds;
    private final Callers callers;

    public GuildsController(GuildMembers guilds, Callers callers) {
        this.guilds = guilds;
        this.callers = callers;
    }

    @ErrorResponses
    @Put(value = "/{sessionId}/{playerId}", consumes = "*/*", produces = "application/json")
    public HttpResponse<RoomBodies.RoomMembership> add(HttpRequest<?> request, @PathVariable String guildId,
            @PathVariable String sessionId, @PathVariable String playerId) {
        callers.requireService(request, SERVICE_ONLY);
        GuildId guild = guild(guildId);
        return switch (guilds.add(guild, member(sessionId, playerId))) {
            case GuildMembers.Added added ->
                    HttpJson.body(RoomBodies.RoomMembership.joined(added.room().value(), added.already()));
            case GuildMembers.Removed removed -> throw new IllegalStateException("an add was asked for");
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    @ErrorResponses
    @Delete(value = "/{sessionId}/{playerId}", produces = "application/json")
    public HttpResponse<RoomBodies.RoomMembership> remove(HttpRequest<?> request, @PathVariable String guildId,
            @PathVariable String sessionId, @PathVariable String playerId) {
        callers.requireService(request, SERVICE_ONLY);
        return switch (guilds.remove(guild(guildId), member(sessionId, playerId))) {
            case GuildMembers.Removed removed -> HttpJson.body(RoomBodies.RoomMembership.left(removed.room().value()));
            case GuildMembers.Added added -> throw new IllegalStateException("a removal was asked for");
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    /** {@code after} is the {@code next} of the previous page: {@code sessionId|playerId} of its last member. */
    @ErrorResponses
    @Get(produces = "application/json")
    public HttpResponse<RoomBodies.GuildMemberPage> list(HttpRequest<?> request, @PathVariable String guildId,
            @QueryValue Optional<String> after, @QueryValue Optional<String> limit) {
        callers.requireService(request, SERVICE_ONLY);
        int size = HttpJson.pageSize(limit, 100, 1_000);
        Optional<Member> from = after.map(a -> HttpJson.parsed("after", a, GuildsController::memberCursor));
        List<Member> members = guilds.list(guild(guildId), from, size);
        // A full page may be the last: the next one is then empty, which is cheaper than a look ahead.
        String next = null;
        if (members.size() == size) {
            Member last = members.getLast();
            next = last.session().value() + "|" + last.player().value();
        }
        return HttpJson.body(new RoomBodies.GuildMemberPage(guildId,
                members.stream().map(RoomBodies.GuildMember::of).toList(), next, true));
    }

    private static Member memberCursor(String cursor) {
        int bar = cursor.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("must be sessionId|playerId");
        }
        return new Member(new SessionId(cursor.substring(0, bar)), new PlayerId(cursor.substring(bar + 1)));
    }


    private static GuildId guild(String value) {
        return HttpJson.parsed("guildId", value, GuildId::new);
    }

    private static Member member(String session, String player) {
        return new Member(HttpJson.parsed("sessionId", session, SessionId::new),
                HttpJson.parsed("playerId", player, PlayerId::new));
    }
}
