package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.application.Caller;
import io.herald.application.fake.ManualClock;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.Member;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Who a request proves to be, and what each kind of caller may do: the answer never comes from a body. */
class CallersTest {
    private static final SessionId SESSION = new SessionId("session-1");
    private static final PlayerId ANA = new PlayerId("ana");
    private static final PlayerId BEN = new PlayerId("ben");
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-09T10:30:00Z"));
    private final JwtSessionTokens tokens = new JwtSessionTokens(HttpFixture.tokenSettings(HttpFixture.SECRET), clock);
    private final Callers callers = new Callers(tokens, Optional.of(HttpFixture.SERVICE_KEY));
    private final String anasToken = tokens.issue(SESSION, ANA);

    private static MutableHttpRequest<?> withAuthorization(String value) {
        MutableHttpRequest<?> request = HttpRequest.GET("/runtime/messages/undelivered");
        return value == null ? request : request.header("Authorization", value);
    }

    private static Consumer<ApiException> refused(int status, String code) {
        return e -> {
            assertThat(e.status().getCode()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        };
    }

    @Test
    void a_valid_token_is_its_player_and_marks_the_request_authenticated() {
        MutableHttpRequest<?> request = withAuthorization("Bearer " + anasToken);
        assertThat(Callers.authenticated(request)).isFalse();

        assertThat(callers.require(request))
                .isEqualTo(new Callers.Player(new SessionTokens.Identity(SESSION, ANA)));
        assertThat(Callers.authenticated(request)).isTrue();
    }

    @Test
    void the_scheme_is_read_whatever_its_case_and_the_credential_without_surrounding_blanks() {
        assertThat(callers.require(withAuthorization("bearer   " + anasToken + "  ")))
                .isInstanceOf(Callers.Player.class);
        assertThat(callers.require(withAuthorization("BEARER " + HttpFixture.SERVICE_KEY)))
                .isInstanceOf(Callers.Service.class);
    }

    @Test
    void the_service_key_is_the_service() {
        assertThat(callers.require(withAuthorization("Bearer " + HttpFixture.SERVICE_KEY)))
                .isEqualTo(new Callers.Service());
    }

    @Test
    void no_bearer_credential_is_401_unauthenticated_and_the_request_stays_anonymous() {
        for (String header : new String[] {null, "", "Basic YW5hOnNlY3JldA==", "Token " + anasToken, anasToken}) {
            MutableHttpRequest<?> request = withAuthorization(header);

            assertThatThrownBy(() -> callers.require(request)).as("Authorization: %s", header)
                    .isInstanceOfSatisfying(ApiException.class, refused(401, "unauthenticated"));
            assertThat(Callers.authenticated(request)).isFalse();
        }
    }

    @Test
    void a_forged_or_foreign_token_is_401_invalid_token() {
        String foreign = new JwtSessionTokens(HttpFixture.tokenSettings("another-secret-another-secret-xx"), clock)
                .issue(SESSION, ANA);

        for (String credential : new String[] {"forged", foreign, "", HttpFixture.SERVICE_KEY + "x"}) {
            MutableHttpRequest<?> request = withAuthorization("Bearer " + credential);

            assertThatThrownBy(() -> callers.require(request)).as(credential)
                    .isInstanceOfSatisfying(ApiException.class, refused(401, "invalid_token"));
            assertThat(Callers.authenticated(request)).isFalse();
        }
    }

    @Test
    void a_token_is_refused_from_the_moment_it_expires() {
        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(callers.require(withAuthorization("Bearer " + anasToken))).isInstanceOf(Callers.Player.class);

        clock.advance(Duration.ofMillis(1));

        assertThatThrownBy(() -> callers.require(withAuthorization("Bearer " + anasToken)))
                .isInstanceOfSatisfying(ApiException.class, refused(401, "invalid_token"));
    }

    @Test
    void without_a_configured_service_key_nothing_is_the_service_not_even_a_blank_credential() {
        Callers keyless = new Callers(tokens, new PublicEndpoints(null, "  ").configuredServiceKey());

        assertThatThrownBy(() -> keyless.require(withAuthorization("Bearer   ")))
                .isInstanceOfSatisfying(ApiException.class, refused(401, "invalid_token"));
        assertThatThrownBy(() -> keyless.require(withAuthorization("Bearer " + HttpFixture.SERVICE_KEY)))
                .isInstanceOfSatisfying(ApiException.class, refused(401, "invalid_token"));
    }

    @Test
    void where_only_a_player_may_act_the_token_is_its_member_and_the_service_key_is_403_player_only() {
        assertThat(callers.requireMember(withAuthorization("Bearer " + anasToken), "why"))
                .isEqualTo(new Caller.WithToken(new Member(SESSION, ANA)));

        assertThatThrownBy(() -> callers.requireMember(withAuthorization("Bearer " + HttpFixture.SERVICE_KEY),
                "rooms are a player's")).isInstanceOfSatisfying(ApiException.class, e -> {
                    refused(403, "player_only").accept(e);
                    assertThat(e.getMessage()).isEqualTo("rooms are a player's");
                });
        assertThatThrownBy(() -> callers.requireMember(withAuthorization(null), "why"))
                .isInstanceOfSatisfying(ApiException.class, refused(401, "unauthenticated"));
    }

    @Test
    void where_only_the_service_may_act_a_token_is_403_service_only() {
        callers.requireService(withAuthorization("Bearer " + HttpFixture.SERVICE_KEY), "why");

        assertThatThrownBy(() -> callers.requireService(withAuthorization("Bearer " + anasToken), "admin only"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    refused(403, "service_only").accept(e);
                    assertThat(e.getMessage()).isEqualTo("admin only");
                });
        assertThatThrownBy(() -> callers.requireService(withAuthorization("Bearer forged"), "why"))
                .isInstanceOfSatisfying(ApiException.class, refused(401, "invalid_token"));
    }

    @Test
    void a_player_speaks_for_itself_only_another_player_is_player_mismatch_and_another_session_forbidden() {
        Callers.Caller ana = new Callers.Player(new SessionTokens.Identity(SESSION, ANA));

        callers.requirePlayer(ana, SESSION, ANA);
        assertThatThrownBy(() -> callers.requirePlayer(ana, SESSION, BEN))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    refused(403, "player_mismatch").accept(e);
                    assertThat(e.field()).contains("playerId");
                });
        assertThatThrownBy(() -> callers.requirePlayer(ana, new SessionId("session-2"), ANA))
                .isInstanceOfSatisfying(ApiException.class, refused(403, "forbidden"));
        assertThatThrownBy(() -> callers.requireSession(ana, new SessionId("session-2")))
                .isInstanceOfSatisfying(ApiException.class, refused(403, "forbidden"));
    }

    @Test
    void the_service_speaks_for_any_player_of_any_session() {
        Callers.Caller service = new Callers.Service();

        callers.requirePlayer(service, new SessionId("session-2"), BEN);
        callers.requireSession(service, new SessionId("session-3"));
    }
}
