package io.herald.adapter.apigateway;

import io.herald.adapter.wire.SettingCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code herald.apigateway.*}: which Management API to push through and how long to keep trying a throttled push.
 * Region and credentials are the {@code aws.*} settings that micronaut-aws-sdk-v2 reads. Bound at start, so a bad
 * value stops the start; the URLs are read when the gateway is made ({@link ManagementEndpoint}).
 *
 * @param websocketUrl the URL clients connect to ({@code wss://{api-id}.execute-api.{region}.amazonaws.com/{stage}})
 * @param endpoint the Management API outright ({@code https://…}, or {@code http://…} for a local stub); wins over the
 *        URL
 * @param pushAttempts requests per push at most, the first included, when API Gateway answers 429
 * @param pushDeadline the most one push to one connection may take, its requests and the waits between them together
 */
@Context
@ConfigurationProperties(ApiGatewaySettings.PREFIX)
public record ApiGatewaySettings(
        @Nullable String websocketUrl,
        @Nullable String endpoint,
        @Bindable(defaultValue = "3") int pushAttempts,
        @Bindable(defaultValue = "3s") Duration pushDeadline) {
    static final String PREFIX = "herald.apigateway";
    private static final SettingCheck CHECK = new SettingCheck(PREFIX);

    public ApiGatewaySettings {
        CHECK.atLeast("push-attempts", pushAttempts, 1);
        CHECK.positive("push-deadline", pushDeadline);
    }

    PushBudget pushBudget() {
        return new PushBudget(pushAttempts, pushDeadline);
    }
}
