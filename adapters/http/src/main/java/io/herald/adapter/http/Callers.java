package io.herald.adapter.http;

import io.herald.application.spi.SessionTokens;
import io.herald.domain.PlayerId;
import io.herald.domain.Refusal;
import io.herald.domain.SessionId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is calling: a player proven by a session token, or the game runtime's backend holding the service key. Every
 * protected endpoint asks here, and the answer never comes from the request body.
 */
final class Callers {
    private static final String ATTRIBUTE = "herald.caller";
    private final SessionTokens tokens;
    private final Optional<String> serviceKey;

    Callers(SessionTokens tokens, Optional<String> serviceKey) {
        this.tokens = tokens;
        this.serviceKey = serviceKey;
    }

    sealed interface Caller {
    }

    record Player(SessionTokens.Identity identity) implements Caller {
    }

    record Service() implements Caller {
    }

    /** The caller, also left on the request so a fault in it is logged in full (an anonymous one's is not). */
    Caller require(HttpRequest<?> request) {
        String credential = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "send 'Authorization: Bearer <token>'"));
        Caller caller = serviceKey.isPresent() && constantTimeEquals(serviceKey.get(), credential)
                ? new Service()
                : tokens.verify(credential).<Caller>map(Player::new)
                        .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "invalid_token",
                                "the token is malformed, forged or expired"));
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    /** The calling player as a use case's {@code Caller}; the service key is refused where only a player may act. */
    io.herald.application.Caller requireMember(HttpRequest<?> request, String why) {
        if (require(request) instanceof Player player) {
            return new io.herald.application.Caller.WithToken(
                    new io.herald.domain.Member(player.identity().session(), player.identity().player()));
        }
        throw new ApiException(HttpStatus.FORBIDDEN, "player_only", why);
    }

    /** Only the game's backend may do this. */
    void requireService(HttpRequest<?> request, String why) {
        if (!(require(request) instanceof Service)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "service_only", why);
        }
    }

    /** Whether the request proved who sent it. */
    static boolean authenticated(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE).isPresent();
    }

    /**
     * The caller must be this very player, or the service. Another session is {@code forbidden}; another player of
     * the token's own session is {@code player_mismatch} about {@code playerId}, so a client can tell its own mistake
     * (the wrong id in a body or query) from a token that is not for this session at all.
     */
    void requirePlayer(Caller caller, SessionId session, PlayerId player) {
        requireSession(caller, session);
        if (caller instanceof Player p && !p.identity().player().equals(player)) {
            throw ApiException.aboutField(HttpStatus.FORBIDDEN, "playerId", Refusal.PLAYER_MISMATCH.code(),
                    "'playerId' names another player than the token's; a player's token speaks only for itself");
        }
    }

    /** The caller must be a player of this session, or the service. */
    void requireSession(Caller caller, SessionId session) {
        if (caller instanceof Player p && !p.identity().session().equals(session)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "the token belongs to another session");
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
