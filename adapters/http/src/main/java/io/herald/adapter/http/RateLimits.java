package io.herald.adapter.http;

import io.herald.application.limit.Allowance;
import io.herald.application.limit.RateLimiter;
import io.herald.application.port.Clock;
import java.util.Optional;

/**
 * The HTTP API's limits per caller, checked before anything is read from or written to the store, so a refused
 * request changes nothing. Each answer is a value; the controllers turn a {@code Limited} into the 429.
 */
final class RateLimits {
    private static final RateLimiter.Verdict ALLOWED = new RateLimiter.Allowed();

    private final Optional<Limits> limits;

    private record Limits(RateLimiter registrations, RateLimiter wrongTeamCodes, RateLimiter playerEvents,
            RateLimiter serviceEvents) {
    }

    private RateLimits(Optional<Limits> limits) {
        this.limits = limits;
    }

    static RateLimits of(RateLimitSettings settings, Clock clock) {
        if (!settings.enabled()) {
            return new RateLimits(Optional.empty());
        }
        int keys = settings.maxTracked();
        Allowance registrations = Allowance.perMinute(settings.registrationsPerMinute(), settings.registrationBurst());
        int wrongCodes = settings.wrongTeamCodesPerMinute();
        return new RateLimits(Optional.of(new Limits(
                new RateLimiter(registrations, clock, keys),
                new RateLimiter(Allowance.perMinute(wrongCodes, wrongCodes), clock, keys),
                new RateLimiter(Allowance.perSecond(settings.eventsPerSecond()), clock, keys),
                new RateLimiter(Allowance.perSecond(settings.serviceEventsPerSecond()), clock, 1))));
    }

    RateLimiter.Verdict registration(String address) {
        return limits.map(l -> l.registrations().take(address)).orElse(ALLOWED);
    }

    /** Taken before a team code is tried; see {@link #guessDidNotCount}. */
    RateLimiter.Verdict teamCodeGuess(String address) {
        return limits.map(l -> l.wrongTeamCodes().take(address)).orElse(ALLOWED);
    }

    /** The code was right, or never tried (the registration itself was refused): the guess does not count. */
    void guessDidNotCount(String address) {
        limits.ifPresent(l -> l.wrongTeamCodes().giveBack(address));
    }

    /** A limited verdict becomes the 429 a client gets, saying what there was too much of; an allowed one passes. */
    static void require(RateLimiter.Verdict verdict, String tooManyWhat) {
        if (verdict instanceof RateLimiter.Limited limited) {
            throw ApiException.rateLimited("too many " + tooManyWhat + "; try again in "
                    + RetryAfter.seconds(limited.retryAfter()) + " s", limited.retryAfter());
        }
    }

    RateLimiter.Verdict event(Callers.Caller caller) {
        return limits.map(l -> switch (caller) {
            // '|' is in no id, so session and player together name one player of one session.
            case Callers.Player p -> l.playerEvents().take(p.identity().session() + "|" + p.identity().player());
            case Callers.Service s -> l.serviceEvents().take("service");
        }).orElse(ALLOWED);
    }
}
