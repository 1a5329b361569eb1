package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.fake.ManualClock;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtSessionTokensTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-09T10:30:00Z"));
    private final JwtSessionTokens tokens = new JwtSessionTokens(new TokenSettings(SECRET, Duration.ofHours(24)), clock);
    private final SessionId session = new SessionId("session-1");
    private final PlayerId player = new PlayerId("player-1");

    @Test
    void a_token_proves_the_session_and_player_it_was_issued_for() {
        assertThat(tokens.verify(tokens.issue(session, player))).contains(new SessionTokens.Identity(session, player));
    }

    @Test
    void an_expired_token_proves_nothing() {
        String token = tokens.issue(session, player);
        clock.advance(Duration.ofHours(24));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_secret_proves_nothing() {
        String foreign = new JwtSessionTokens(
                new TokenSettings("another-secret-another-secret-xx", Duration.ofHours(1)), clock)
                .issue(session, player);

        assertThat(tokens.verify(foreign)).isEmpty();
    }

    @Test
    void a_tampered_or_unsigned_token_proves_nothing() {
        String token = tokens.issue(session, player);
        String[] parts = token.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"iss\":\"herald\",\"sub\":\"player-2\",\"sid\":\"session-1\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.verify(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(none + "." + otherClaims + ".")).isEmpty();
        assertThat(tokens.verify("garbage")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
    }

    @Test
    void without_a_secret_there_is_no_token_service_and_the_refusal_names_the_setting() {
        assertThatThrownBy(() -> new JwtSessionTokens(new TokenSettings(null, Duration.ofHours(1)), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("herald.tokens.secret (HERALD_TOKENS_SECRET) must be set to sign session tokens");
    }
}
