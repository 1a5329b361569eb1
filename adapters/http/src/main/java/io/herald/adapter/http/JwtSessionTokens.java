package io.herald.adapter.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.herald.application.port.Clock;
import io.herald.application.spi.SessionTokens;
import io.herald.domain.PlayerId;
import io.herald.domain.SessionId;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** Session tokens as HS256 JWTs (Nimbus JOSE+JWT): subject is the player, {@code sid} the session. */
public final class JwtSessionTokens implements SessionTokens {
    private static final String ISSUER = "herald";
    private static final String SESSION_CLAIM = "sid";

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    public JwtSessionTokens(TokenSettings settings, Clock clock) {
        this.secret = settings.signingKey();
        this.ttl = settings.ttl();
        this.clock = clock;
    }

    @Override
    public String issue(SessionId session, PlayerId player) {
        Instant now = clock.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(player.value())
                .claim(SESSION_CLAIM, session.value())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session token", e);
        }
        return jwt.serialize();
    }

    @Override
    public Optional<Identity> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || !clock.now().isBefore(expires.toInstant())) {
                return Optional.empty();
            }
            return Optional.of(new Identity(new SessionId(claims.getStringClaim(SESSION_CLAIM)),
                    new PlayerId(claims.getSubject())));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
