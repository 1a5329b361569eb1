package io.herald.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.herald.application.JoinTeam;
import io.herald.application.Refused;
import io.herald.application.RegisterTeam;
import io.herald.application.Registration;
import io.herald.application.limit.RateLimiter;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.Refusal;
import io.herald.domain.TeamCode;
import io.herald.domain.TeamMode;
import io.herald.domain.TravelMode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.Locale;
import java.util.Optional;

/** {@code POST /api/teams}: registers a player, creating a team (or a solo run) or joining one by its code. */
// Store calls block: they run on virtual threads, never on Netty's event loop.
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/api/teams")
public class TeamsController {
    private final RegisterTeam registerTeam;
    private final JoinTeam joinTeam;
    private final SessionTokens tokens;
    private final PublicEndpoints endpoints;
    private final RateLimits limits;
    private final ClientAddresses addresses;

    public TeamsController(RegisterTeam registerTeam, JoinTeam joinTeam, SessionTokens tokens, PublicEndpoints endpoints,
            RateLimits limits, ClientAddresses addresses) {
        this.registerTeam = registerTeam;
        this.joinTeam = joinTeam;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.limits = limits;
        this.addresses = addresses;
    }

    /** An empty body is answered like any other body that is not a JSON object, never by the binder. */
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestBodies.TeamRegistration.class)))
    @ErrorResponses
    @Post(consumes = "*/*", produces = "application/json")
    public HttpResponse<ResponseBodies.Registered> register(HttpRequest<?> request, @Nullable @Body String body) {
        ObjectNode json = HttpJson.parseObject(body);
        String name = HttpJson.text(json, "playerName").strip();
        Optional<String> code = HttpJson.optionalText(json, "teamCode").filter(c -> !c.isBlank());
        String address = addresses.of(request);
        Registration registration;
        if (code.isPresent()) {
            registration = join(HttpJson.parsed("teamCode", code.get(), TeamCode::parse), name, address);
        } else {
            TeamMode mode = mode(json);
            TravelMode travelMode = travelMode(json);
            RateLimits.require(limits.registration(address), "registrations from this address");
            registration = HttpJson.parsed("playerName", name, n -> registerTeam.register(
                    new RegisterTeam.Command(n, mode, travelMode)));
        }
        ResponseBodies.RegisteredSession session = new ResponseBodies.RegisteredSession(
                registration.team().session().value(), registration.player().id().value(),
                registration.player().name(), registration.team().mode().name().toLowerCase(Locale.ROOT));
        return HttpJson.body(new ResponseBodies.Registered(registration.team().code().value(), session,
                websocketUrl(request), tokens.issue(registration.team().session(), registration.player().id())));
    }

    /**
     * A guess is taken before the code is tried, so parallel guesses cannot outrun the limit; only a code that names no
     * team keeps it counted, every other outcome (a registration refused first included) gives it back.
     */
    private Registration join(TeamCode code, String name, String address) {
        RateLimits.require(limits.teamCodeGuess(address), "wrong team codes from this address");
        RateLimiter.Verdict allowed = limits.registration(address);
        if (allowed instanceof RateLimiter.Limited) {
            limits.guessDidNotCount(address);
        }
        RateLimits.require(allowed, "registrations from this address");
        JoinTeam.Outcome outcome;
        try {
            outcome = HttpJson.parsed("playerName", name, n -> joinTeam.join(new JoinTeam.Command(code, n)));
        } catch (RuntimeException e) {
            limits.guessDidNotCount(address);
            throw e;
        }
        if (!(outcome instanceof Refused refused && refused.refusal() == Refusal.UNKNOWN_TEAM)) {
            limits.guessDidNotCount(address);
        }
        return switch (outcome) {
            case Registration registration -> registration;
            case Refused refused -> throw Refusals.toException(refused.refusal());
        };
    }

    private static TeamMode mode(ObjectNode json) {
        String mode = HttpJson.text(json, "mode");
        return switch (mode) {
            case "solo" -> TeamMode.SOLO;
            case "team" -> TeamMode.TEAM;
            default -> throw ApiException.badField("mode", "invalid_field", "'mode' must be \"solo\" or \"team\"");
        };
    }

    /** Seed 001's {@code teamTravelMode}; co-located is its default. */
    private static TravelMode travelMode(ObjectNode json) {
        Optional<String> given = HttpJson.optionalText(json, "travelMode").or(() -> HttpJson.optionalText(json, "teamTravelMode"));
        return switch (given.map(m -> m.toLowerCase(Locale.ROOT).replace('_', '-')).orElse("co-located")) {
            case "co-located", "colocated" -> TravelMode.CO_LOCATED;
            case "independent" -> TravelMode.INDEPENDENT;
            default -> throw ApiException.badField("travelMode", "invalid_field",
                    "'travelMode' must be \"co-located\" or \"independent\"");
        };
    }

    private String websocketUrl(HttpRequest<?> request) {
        return endpoints.fixedWebsocketUrl().orElseGet(() -> {
            String host = request.getHeaders().get(HttpHeaders.HOST, String.class)
                    .orElseGet(() -> request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort());
            boolean secure = request.getHeaders().get("X-Forwarded-Proto", String.class).map("https"::equalsIgnoreCase)
                    .orElse(request.isSecure());
            return (secure ? "wss://" : "ws://") + host + "/ws";
        });
    }
}
