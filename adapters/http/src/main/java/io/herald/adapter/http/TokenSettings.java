package io.herald.adapter.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code herald.tokens.*}: the HMAC secret that signs session tokens (at least 32 bytes; the server generates and
 * keeps one under its data directory when none is set) and how long a token lives.
 */
@ConfigurationProperties("herald.tokens")
public class TokenSettings {
    private String secret;
    private Duration ttl = Duration.ofHours(24);

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }
}
