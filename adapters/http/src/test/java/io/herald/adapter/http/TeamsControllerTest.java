package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.JoinTeam;
import io.herald.application.RegisterTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.port.SessionDirectory;
import io.herald.domain.ObjectId;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import io.herald.domain.SessionPlayer;
import io.herald.domain.Team;
import io.herald.domain.TeamCode;
import io.micronaut.http.MutableHttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code POST /api/teams} over the fakes: the per-address limits on registrations and on wrong team codes. */
class TeamsControllerTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final CountingWrites directory = new CountingWrites(herald.directory);
    private final FakeHerald.TestTeam team = herald.team("Ana");
    private final String code = herald.directory.teamOf(team.session()).orElseThrow().code().value();

    /** The directory the controller writes through, counting the writes so a test can see that none happened. */
    private static final class CountingWrites implements SessionDirectory {
        private final SessionDirectory inner;
        final AtomicInteger writes = new AtomicInteger();

        CountingWrites(SessionDirectory inner) {
            this.inner = inner;
        }

        @Override
        public boolean createTeam(Team team) {
            writes.incrementAndGet();
            return inner.createTeam(team);
        }

        @Override
        public Optional<Team> findTeam(TeamCode code) {
            return inner.findTeam(code);
        }

        @Override
        public Optional<Team> teamOf(SessionId session) {
            return inner.teamOf(session);
        }

        @Override
        public void addPlayer(SessionId session, SessionPlayer player) {
            writes.incrementAndGet();
            inner.addPlayer(session, player);
        }

        @Override
        public List<SessionPlayer> roster(SessionId session) {
            return inner.roster(session);
        }

        @Override
        public Optional<SessionPlayer> player(SessionId session, PlayerId player) {
            return inner.player(session, player);
        }

        @Override
        public void recordArrival(SessionId session, PlayerId player, ObjectId objectId) {
            writes.incrementAndGet();
            inner.recordArrival(session, player, objectId);
        }

        @Override
        public Set<PlayerId> arrivals(SessionId session, ObjectId objectId) {
            return inner.arrivals(session, objectId);
        }
    }

    private TeamsController controller(RateLimitSettings limits) {
        return new TeamsController(new RegisterTeam(directory, herald.ids), new JoinTeam(directory, herald.ids),
                http.tokens, PublicEndpoints.none(), RateLimits.of(limits, herald.clock), http.addresses);
    }

    private static RateLimitSettings limits(int registrations, int wrongCodes) {
        return HttpFixture.limits(registrations, registrations, wrongCodes, 50, 1000);
    }

    private HttpFixture.Answer register(TeamsController controller, String address, String body) {
        MutableHttpRequest<String> request = HttpFixture.post("/api/teams", null, body)
                .header(HttpFixture.ADDRESS_HEADER, address);
        return http.call(request, () -> controller.register(request, body));
    }

    private HttpFixture.Answer newTeam(TeamsController controller, String address) {
        return register(controller, address, "{\"playerName\":\"Zed\",\"mode\":\"team\"}");
    }

    private HttpFixture.Answer join(TeamsController controller, String address, String teamCode) {
        return register(controller, address, "{\"playerName\":\"Zed\",\"teamCode\":\"" + teamCode + "\"}");
    }

    @Test
    void registrations_beyond_the_allowance_of_an_address_are_429_and_create_nothing() {
        TeamsController controller = controller(limits(2, 10));
        newTeam(controller, "10.0.0.1");
        newTeam(controller, "10.0.0.1");
        int writes = directory.writes.get();

        HttpFixture.Answer refused = newTeam(controller, "10.0.0.1");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(refused.retryAfter()).contains("30");
        assertThat(directory.writes.get()).isEqualTo(writes);
        assertThat(newTeam(controller, "10.0.0.2").status()).isEqualTo(200);
        herald.clock.advance(Duration.ofSeconds(30));
        assertThat(newTeam(controller, "10.0.0.1").status()).isEqualTo(200);
    }

    @Test
    void wrong_team_codes_beyond_the_allowance_are_429_even_for_a_right_code_and_nothing_joins() {
        TeamsController controller = controller(limits(100, 2));
        assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("unknown_team");
        assertThat(join(controller, "10.0.0.1", "YYYYYY").code()).isEqualTo("unknown_team");
        int roster = herald.directory.roster(team.session()).size();

        HttpFixture.Answer refused = join(controller, "10.0.0.1", code);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("rate_limited");
        assertThat(herald.directory.roster(team.session())).hasSize(roster);
        assertThat(join(controller, "10.0.0.2", code).status()).isEqualTo(200);
    }

    @Test
    void right_team_codes_do_not_count_as_guesses() {
        TeamsController controller = controller(limits(100, 2));

        for (int i = 0; i < 5; i++) {
            assertThat(join(controller, "10.0.0.1", code).status()).isEqualTo(200);
        }
        assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("unknown_team");
        assertThat(join(controller, "10.0.0.1", "YYYYYY").code()).isEqualTo("unknown_team");
        assertThat(join(controller, "10.0.0.1", "XXXXXX").code()).isEqualTo("rate_limited");
    }

    @Test
    void a_join_refused_for_too_many_registrations_does_not_count_as_a_guess() {
        TeamsController controller = controller(limits(1, 1));
        newTeam(controller, "10.0.0.1");

        assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("rate_limited");
        herald.clock.advance(Duration.ofMinutes(1));

        assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("unknown_team");
    }

    @Test
    void a_malformed_team_code_is_a_400_and_no_guess() {
        TeamsController controller = controller(limits(100, 1));

        assertThat(join(controller, "10.0.0.1", "0O0O").code()).isEqualTo("invalid_field");
        assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("unknown_team");
    }

    @Test
    void with_limits_switched_off_nothing_is_ever_429() {
        TeamsController controller = controller(HttpFixture.noLimits());

        for (int i = 0; i < 30; i++) {
            assertThat(join(controller, "10.0.0.1", "ZZZZZZ").code()).isEqualTo("unknown_team");
        }
    }

    @Test
    void an_empty_body_is_a_400_invalid_json() {
        HttpFixture.Answer answer = register(controller(HttpFixture.noLimits()), "10.0.0.1", null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("invalid_json");
    }
}
