package io.herald.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.fake.FakeHerald;
import io.herald.domain.ConnectionId;
import io.herald.domain.PlayerId;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@link RequestBodies} records document what the strict reader takes; this holds the two together. Each record
 * field is proven read (a value of the wrong JSON type is a 400 naming that field), and no other name the adapter
 * knows is read (the same wrong value under it changes nothing), so a field added to either side alone fails here.
 */
class RequestBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCES = Path.of("src/main/java/io/herald/adapter/http");

    /** A fresh world per request: a team, a room Ana is in, a connection, a controller of each kind over the fakes. */
    private static final class World {
        final FakeHerald herald = new FakeHerald();
        final HttpFixture http = new HttpFixture(herald);
        final FakeHerald.TestTeam team = herald.team("Ana", "Ben");
        final PlayerId ana = team.player(0);
        final String anasToken = http.tokens.issue(team.session(), ana);
        final ConnectionId phone = herald.connect(team.session(), ana);
        final String code = herald.directory.teamOf(team.session()).orElseThrow().code().value();
        final RoomsController rooms = new RoomsController(herald.createRoom, herald.joinRoom, herald.sendRoomMessage,
                herald.roomHistory, http.callers);

        World() {
            String lobby = "{\"roomId\":\"lobby\"}";
            rooms.create(HttpFixture.post("/api/rooms", anasToken, lobby), lobby);
        }

        HttpFixture.Answer post(String bearer, String body, BiFunction<io.micronaut.http.HttpRequest<?>, String,
                io.micronaut.http.HttpResponse<?>> handler) {
            var request = HttpFixture.post("/any", bearer, body);
            return http.call(request, () -> handler.apply(request, body));
        }
    }

    /** An endpoint reading one record: bodies it accepts whole, each variant reading some of the optional fields. */
    private record Endpoint(Class<? extends Record> shape, BiFunction<World, String, HttpFixture.Answer> send,
            List<String> variants) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(RequestBodies.TeamRegistration.class, (w, body) -> w.post(null, body.replace("CODE", w.code),
                    (r, b) -> new TeamsController(w.herald.registerTeam, w.herald.joinTeam, w.http.tokens,
                            PublicEndpoints.none(), RateLimits.of(HttpFixture.noLimits(), w.herald.clock),
                            w.http.addresses).register(r, b)),
                    List.of("{\"playerName\":\"Zed\",\"teamCode\":\"CODE\",\"mode\":\"team\",\"travelMode\":\"independent\","
                                    + "\"teamTravelMode\":\"independent\"}",
                            "{\"playerName\":\"Zed\",\"mode\":\"team\",\"travelMode\":\"independent\"}",
                            "{\"playerName\":\"Zed\",\"mode\":\"solo\",\"teamTravelMode\":\"independent\"}")),
            new Endpoint(RequestBodies.GameEvent.class, (w, body) -> w.post(HttpFixture.SERVICE_KEY,
                    body.replace("SESSION", w.team.session().value()).replace("PLAYER", w.ana.value()),
                    (r, b) -> new RuntimeController(w.herald.recordGameEvent, w.herald.fetchUndelivered,
                            w.herald.describeSession, w.http.callers, w.herald.clock,
                            RateLimits.of(HttpFixture.noLimits(), w.herald.clock), w.herald.playerNotifications)
                            .event(r, b)),
                    Stream.of("\"NodeComplete\",\"nodeId\":\"n\"", "\"ObjectArrive\",\"objectId\":\"o\"",
                            "\"PuzzleSubmit\",\"puzzleId\":\"p\",\"correct\":true,\"attempt\":2",
                            "\"Milestone\",\"objectId\":\"o\"")
                            .map(event -> "{\"sessionId\":\"SESSION\",\"playerId\":\"PLAYER\",\"eventType\":" + event
                                    + ",\"deltas\":[{\"type\":\"NODE_COMPLETED\",\"playerId\":\"PLAYER\"}]}")
                            .toList()),
            new Endpoint(RequestBodies.RoomCreation.class, (w, body) -> w.post(w.anasToken, body,
                    (r, b) -> w.rooms.create(r, b)), List.of("{\"roomId\":\"hall\",\"name\":\"Hall\"}")),
            new Endpoint(RequestBodies.RoomPost.class, (w, body) -> w.post(w.anasToken, body,
                    (r, b) -> w.rooms.send(r, "lobby", b)), List.of("{\"text\":\"hi\",\"clientMessageId\":\"c-1\"}")),
            new Endpoint(RequestBodies.ReadPosition.class, (w, body) -> w.post(w.anasToken, body,
                    (r, b) -> w.rooms.read(r, "lobby", b)), List.of("{\"offset\":0,\"epoch\":1}")),
            new Endpoint(RequestBodies.NotificationRequest.class, (w, body) -> w.post(HttpFixture.SERVICE_KEY,
                    body.replace("SESSION", w.team.session().value()).replace("PLAYER", w.ana.value()),
                    (r, b) -> new NotificationsController(w.herald.notify, w.herald.playerNotifications, w.http.callers)
                            .send(r, b)),
                    List.of("{\"sessionId\":\"SESSION\",\"playerId\":\"PLAYER\",\"notificationType\":\"quest\","
                            + "\"title\":\"T\",\"message\":\"M\",\"priority\":\"high\",\"metadata\":{\"k\":1},"
                            + "\"fromCharacter\":\"sage\",\"idempotencyKey\":\"k-1\"}")),
            new Endpoint(RequestBodies.ConversationRequest.class, (w, body) -> w.post(HttpFixture.SERVICE_KEY, body,
                    (r, b) -> new ConversationsController(w.herald.characterConversation, w.http.callers)
                            .hold(r, w.team.session().value(), b)),
                    List.of("{\"characters\":[\"sarah\",\"john\"],\"topic\":\"storms\",\"lines\":2}")),
            new Endpoint(RequestBodies.ChatLine.class, (w, body) -> w.post(w.anasToken, body,
                    (r, b) -> new CharactersController(w.herald.chatWithCharacter, w.http.callers).say(r, "sage", b)),
                    List.of("{\"text\":\"hello\"}")),
            new Endpoint(RequestBodies.StatusChange.class, (w, body) -> w.post(HttpFixture.SERVICE_KEY, body,
                    (r, b) -> new AdminConnectionsController(w.herald.manageConnections, w.http.callers,
                            Duration.ofHours(1)).status(r, w.phone.value(), b)),
                    List.of("{\"status\":\"disconnected\"}")));

    private static JsonNode wrongTypeFor(RecordComponent component) {
        return component.getType() == String.class ? JSON.createObjectNode() : JSON.getNodeFactory().textNode("x");
    }

    private static ObjectNode parse(String body) {
        try {
            return (ObjectNode) JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
    }

    /** Whether a 400 is about this field (a delta's own fields are reported under their path in the list). */
    private static boolean refusedAbout(HttpFixture.Answer answer, String field) {
        String named = answer.body().path("field").asText();
        return answer.status() == 400 && (named.equals(field) || named.startsWith(field + "[") || named.startsWith(field + "."));
    }

    @Test
    void every_body_the_records_describe_in_full_is_accepted() {
        for (Endpoint endpoint : ENDPOINTS) {
            for (String variant : endpoint.variants()) {
                HttpFixture.Answer answer = endpoint.send().apply(new World(), variant);
                assertThat(answer.status()).as("%s %s: %s", endpoint.shape().getSimpleName(), variant, answer.body())
                        .isBetween(200, 201);
            }
        }
    }

    @Test
    void every_field_of_a_record_is_read_by_its_endpoint() {
        for (Endpoint endpoint : ENDPOINTS) {
            for (RecordComponent component : endpoint.shape().getRecordComponents()) {
                boolean read = endpoint.variants().stream().anyMatch(variant -> {
                    ObjectNode body = parse(variant);
                    body.set(component.getName(), wrongTypeFor(component));
                    return refusedAbout(endpoint.send().apply(new World(), body.toString()), component.getName());
                });
                assertThat(read).as("%s.%s is documented but never read", endpoint.shape().getSimpleName(),
                        component.getName()).isTrue();
            }
        }
    }

    @Test
    void a_delta_reads_its_type_and_player() {
        Endpoint events = ENDPOINTS.get(1);
        for (RecordComponent component : RequestBodies.Delta.class.getRecordComponents()) {
            ObjectNode body = parse(events.variants().getFirst());
            ((ObjectNode) body.get("deltas").get(0)).set(component.getName(), wrongTypeFor(component));

            HttpFixture.Answer answer = events.send().apply(new World(), body.toString());

            assertThat(answer.body().path("field").asText()).isEqualTo("deltas[0]." + component.getName());
        }
    }

    @Test
    void no_other_name_the_adapter_knows_is_read_where_its_record_does_not_have_it() throws IOException {
        Set<String> names = namesInTheAdapter();
        for (Endpoint endpoint : ENDPOINTS) {
            Set<String> documented = new TreeSet<>(Arrays.stream(endpoint.shape().getRecordComponents())
                    .map(RecordComponent::getName).toList());
            for (String name : names) {
                if (documented.contains(name)) {
                    continue;
                }
                for (String variant : endpoint.variants()) {
                    ObjectNode body = parse(variant);
                    body.set(name, JSON.createObjectNode());
                    HttpFixture.Answer answer = endpoint.send().apply(new World(), body.toString());
                    assertThat(answer.status()).as("%s reads '%s', which its record does not document: %s",
                            endpoint.shape().getSimpleName(), name, answer.body()).isBetween(200, 201);
                }
            }
        }
    }

    /** Every name in quotes in the adapter's sources and in the records: where a field the reader takes is named. */
    private static Set<String> namesInTheAdapter() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher quoted = Pattern.compile("\"([a-z][A-Za-z]{1,40})\"").matcher("");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                quoted.reset(Files.readString(file));
                while (quoted.find()) {
                    names.add(quoted.group(1));
                }
            }
        }
        ENDPOINTS.forEach(e -> Arrays.stream(e.shape().getRecordComponents()).forEach(c -> names.add(c.getName())));
        assertThat(names).as("the sources were found").contains("sessionId", "playerName", "clientMessageId");
        return names;
    }
}
