package io.herald.adapter.http;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code herald.tokens.*}: the HMAC secret that signs session tokens and how long a token lives. A secret given is
 * checked as the node starts; none given is refused only where a token is signed or verified, since a context that
 * never does (a test's stand-in for API Gateway) starts on the same classpath. The server generates and keeps one
 * under its data directory when none is set, so only the Lambda shape must be given one.
 *
 * @param secret at least 32 bytes of UTF-8 (HS256 wants a key as long as its hash)
 */
@Context
@ConfigurationProperties(TokenSettings.PREFIX)
public record TokenSettings(@Nullable String secret, @Bindable(defaultValue = "24h") Duration ttl) {
    static final String PREFIX = "herald.tokens";
    static final int MIN_SECRET_BYTES = 32;
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public TokenSettings {
        if (secret != null) {
            requireLongEnough(secret);
        }
        CHECK.positive("ttl", ttl);
    }

    /** The secret's bytes; with none set, the refusal names the setting to set. */
    byte[] signingKey() {
        if (secret == null) {
            throw CHECK.invalid("secret", "must be set to sign session tokens");
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static void requireLongEnough(String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw CHECK.invalid("secret", "must be at least " + MIN_SECRET_BYTES + " bytes, was " + bytes);
        }
    }
}
