package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.application.JoinTeam;
import io.herald.application.RegisterTeam;
import io.herald.application.fake.FakeHerald;
import io.herald.application.fuzz.Fuzz;
import io.herald.application.fuzz.Gen;
import io.herald.application.fuzz.JsonShapes;
import io.herald.application.fuzz.JsonString;
import io.herald.domain.DeltaType;
import io.herald.domain.PlayerId;
import io.micronaut.http.MutableHttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies against the event and registration endpoints over the in-memory fakes, answered through the same
 * error mapping Micronaut uses: never a 5xx, always a JSON answer with a stable code, and a refused event changes
 * nothing (nothing published, nothing pushed).
 */
class HttpEndpointsFuzzTest {
    private final FakeHerald herald = new FakeHerald();
    private final HttpFixture http = new HttpFixture(herald);
    private final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
    private final PlayerId ana = team.player(0);
    private final PlayerId ben = team.player(1);
    private final String code = herald.directory.teamOf(team.session()).orElseThrow().code().value();
    private final RuntimeController runtime = new RuntimeController(herald.recordGameEvent, herald.fetchUndelivered,
            herald.describeSession, http.callers, herald.clock, RateLimits.of(HttpFixture.noLimits(), herald.clock),
            herald.playerNotifications);
    private final TeamsController teams = new TeamsController(new RegisterTeam(herald.directory, herald.ids),
            new JoinTeam(herald.directory, herald.ids), http.tokens, PublicEndpoints.none(),
            RateLimits.of(HttpFixture.noLimits(), herald.clock), http.addresses);

    HttpEndpointsFuzzTest() {
        herald.connect(team.session(), ben);
    }

    private record Attempt(String bearer, String body) {
    }

    private Gen<String> callers() {
        return Gen.of("", "forged", http.tokens.issue(team.session(), ana), http.tokens.issue(team.session(), ben),
                HttpFixture.SERVICE_KEY);
    }

    private Gen<String> ids() {
        return Gen.oneOf(Gen.of(team.session().value(), ana.value(), ben.value(), "other-session", "p#1"),
                JsonShapes.text(140)).map(JsonString::quote);
    }

    /** Deltas of known types, about a real or a foreign player, with odd numbers, clocks and shapes in them. */
    private Gen<String> deltas() {
        Gen<String> type = Gen.weighted(8, Gen.of(DeltaType.values()).map(t -> JsonString.quote(t.name())),
                1, RequestShapes.JSON.scalars());
        Gen<String> player = Gen.weighted(2, Gen.of(""), 2, ids().map(id -> ",\"playerId\":" + id),
                1, RequestShapes.JSON.scalars().map(v -> ",\"playerId\":" + v));
        Gen<String> timestamp = Gen.weighted(3, Gen.of(""),
                1, RequestShapes.JSON.scalars().map(v -> ",\"timestamp\":" + v));
        Gen<String> rest = JsonShapes.object(JsonShapes.alpha(1, 6),
                Gen.weighted(6, RequestShapes.JSON.scalars(), 1, RequestShapes.JSON.values(2)), 36);
        Gen<String> delta = random -> {
            String fields = rest.next(random);
            return "{\"type\":" + type.next(random) + player.next(random) + timestamp.next(random)
                    + (fields.length() > 2 ? "," + fields.substring(1) : "}");
        };
        return Gen.weighted(6, delta.list(4).map(list -> "[" + String.join(",", list) + "]"),
                1, RequestShapes.JSON.values(2),
                1, (Gen<String>) random -> "[" + String.join(",", Collections.nCopies(49 + random.nextInt(3),
                        "{\"type\":\"NODE_COMPLETED\"}")) + "]");
    }

    /** Event bodies: every field an event has, each present three times in four, most plausible, any hostile. */
    private Gen<String> events() {
        Gen<String> type = Gen.weighted(8, Gen.of("NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone",
                "PeriodicCheck").map(JsonString::quote), 1, RequestShapes.JSON.scalars());
        Gen<String> reference = Gen.weighted(4, Gen.of("node-1", "fountain", "riddle").map(JsonString::quote),
                2, RequestShapes.JSON.strings(), 1, RequestShapes.JSON.scalars());
        Gen<String> flag = Gen.weighted(1, RequestShapes.JSON.scalars(), 1, Gen.of("true", "false", "2"));
        List<String> names = List.of("sessionId", "playerId", "eventType", "nodeId", "objectId", "puzzleId", "correct",
                "attempt", "deltas");
        List<Gen<String>> values = List.of(ids(), ids(), type, reference, reference, reference, flag, flag, deltas());
        Gen<String> event = random -> {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (random.nextInt(4) > 0) {
                    fields.add(JsonString.quote(names.get(i)) + ":" + values.get(i).next(random));
                }
            }
            return "{" + String.join(",", fields) + "}";
        };
        return Gen.weighted(8, event, 1, RequestShapes.anyText(), 1, RequestShapes.JSON.values(4),
                1, RequestShapes.deeplyNested());
    }

    /**
     * Events that are right but for one thing or none: a real player's, mostly by its own token, whose deltas now
     * and then carry a foreign player, an odd number or a nested value.
     */
    private Gen<Attempt> plausible() {
        Gen<String> tokens = Gen.of(http.tokens.issue(team.session(), ana), http.tokens.issue(team.session(), ben),
                HttpFixture.SERVICE_KEY);
        Gen<String> value = Gen.weighted(12, JsonShapes.longs().map(String::valueOf),
                12, JsonShapes.doubles().map(String::valueOf), 6, JsonShapes.text(20).map(JsonString::quote),
                1, JsonShapes.numbers(), 1, RequestShapes.JSON.values(1));
        Gen<String> player = Gen.weighted(6, Gen.of(""), 2, Gen.of(",\"playerId\":\"" + ana + "\""),
                1, Gen.of(",\"playerId\":\"" + ben + "\""));
        Gen<String> clock = Gen.weighted(3, Gen.of(""), 1, Gen.of(",\"timestamp\":\"1999-01-01T00:00:00Z\""),
                1, Gen.of(",\"timestamp\":7"));
        // Up to more fields than a delta may have, and now and then a text longer than one may hold.
        Gen<String> longText = random -> JsonString.quote("x".repeat(250 + random.nextInt(20)));
        Gen<String> extra = Gen.weighted(3, Gen.of(""), 1, JsonShapes.object(JsonShapes.alpha(2, 6),
                        Gen.weighted(20, JsonShapes.longs().map(String::valueOf), 1, longText), 40)
                .map(fields -> fields.length() > 2 ? "," + fields.substring(1, fields.length() - 1) : ""));
        Gen<String> delta = random -> "{\"type\":\"" + Gen.of(DeltaType.values()).next(random).name() + "\""
                + player.next(random) + clock.next(random) + ",\"v\":" + value.next(random) + extra.next(random) + "}";
        Gen<String> type = Gen.of("NodeComplete", "ObjectArrive", "PuzzleSubmit", "Milestone", "PeriodicCheck");
        Gen<String> body = random -> "{\"sessionId\":\"" + team.session() + "\",\"playerId\":\"" + ana
                + "\",\"eventType\":\"" + type.next(random) + "\",\"nodeId\":\"n-" + random.nextInt(1000)
                + "\",\"objectId\":\"o-" + random.nextInt(1000) + "\",\"puzzleId\":\"q\",\"correct\":" + random.nextBoolean()
                + ",\"attempt\":" + (1 + random.nextInt(3))
                + (random.nextBoolean() ? ",\"deltas\":[" + String.join(",", delta.list(3).next(random)) + "]" : "") + "}";
        return random -> new Attempt(tokens.next(random), body.next(random));
    }

    @Test
    void an_event_body_is_never_a_5xx_and_a_refused_one_changes_nothing() {
        Gen<String> callers = callers();
        Gen<String> bodies = events();
        Gen<Attempt> hostile = random -> new Attempt(callers.next(random), bodies.next(random));
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Fuzz.check(2000, Gen.<Attempt>weighted(3, hostile, 1, plausible()), attempt -> {
            int published = herald.publisher.published().size();
            int pushes = herald.gateway.totalPushes();
            MutableHttpRequest<String> request = HttpFixture.post("/runtime/events",
                    attempt.bearer().isEmpty() ? null : attempt.bearer(), attempt.body());

            HttpFixture.Answer answer = http.call(request, () -> runtime.event(request, attempt.body()));

            assertThat(answer.status()).isBetween(200, 499);
            assertThat(answer.body().path("success").asBoolean()).isEqualTo(answer.status() == 200);
            if (answer.status() == 200) {
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
                assertThat(answer.code()).matches("[a-z_]+");
                assertThat(herald.publisher.published()).hasSize(published);
                assertThat(herald.gateway.totalPushes()).isEqualTo(pushes);
            }
        });
        // The run means something only if it reached both sides: events refused, and events taken.
        assertThat(accepted.get()).isGreaterThan(100);
        assertThat(refused.get()).isGreaterThan(100);
    }

    @Test
    void a_registration_body_is_never_a_5xx_and_a_refused_one_joins_nobody() {
        Gen<String> registration = JsonShapes.object(Gen.of("playerName", "mode", "teamCode", "travelMode",
                "teamTravelMode"), Gen.weighted(3, Gen.of("Zed", "team", "solo", "independent", code, code.toLowerCase(),
                "ZZZZZZ").map(JsonString::quote), 2, RequestShapes.JSON.scalars()), 5);
        Gen<String> bodies = Gen.weighted(6, registration, 1, RequestShapes.anyText(), 1, RequestShapes.JSON.values(3));
        Fuzz.check(1000, bodies, body -> {
            int roster = herald.directory.roster(team.session()).size();
            MutableHttpRequest<String> request = HttpFixture.post("/api/teams", null, body)
                    .header(HttpFixture.ADDRESS_HEADER, "10.0.0.1");

            HttpFixture.Answer answer = http.call(request, () -> teams.register(request, body));

            assertThat(answer.status()).isBetween(200, 499);
            if (answer.status() != 200) {
                assertThat(answer.code()).matches("[a-z_]+");
                assertThat(herald.directory.roster(team.session())).hasSize(roster);
            }
        });
    }
}
