package io.herald.adapter.apigateway;

import io.herald.application.port.ConnectionCloser;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.port.Push;
import io.herald.application.spi.PushFormat;
import io.herald.application.retry.Backoff;
import io.herald.domain.ConnectionId;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.LimitExceededException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;

/**
 * Pushes through API Gateway's {@code @connections} API, for the Lambda shape whose sockets API Gateway holds.
 * 410 means the connection is gone for good; a throttled push is tried again within its {@link PushBudget}; anything
 * else fails this push only, leaving the message owed for catch-up, and never throws, so the other connections of the
 * round are still served.
 */
final class ApiGatewayConnectionGateway implements ConnectionGateway, ConnectionCloser, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayConnectionGateway.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(25), Duration.ofMillis(400));
    /** A nearly spent deadline still gives its last request this long; never zero, which would mean no timeout. */
    private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(250);

    private final ApiGatewayManagementApiClient client;
    private final PushFormat format;
    private final PushBudget budget;

    /** The client's own retries must be off: this class decides what is retried, within the budget. */
    ApiGatewayConnectionGateway(ApiGatewayManagementApiClient client, PushFormat format, PushBudget budget) {
        this.client = client;
        this.format = format;
        this.budget = budget;
    }

    @Override
    public PushResult push(ConnectionId connection, Push push) {
        try {
            return post(connection, SdkBytes.fromUtf8String(format.encode(push)));
        } catch (RuntimeException e) {
            LOG.warn("push to connection {} failed unexpectedly; the message stays owed", connection, e);
            return PushResult.FAILED;
        }
    }

    private PushResult post(ConnectionId connection, SdkBytes data) {
        long deadline = System.nanoTime() + budget.deadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                client.postToConnection(request(connection, data, max(remaining(deadline), SHORTEST_ATTEMPT)));
                return PushResult.SENT;
            } catch (SdkException e) {
                if (isGone(e)) {
                    LOG.debug("connection {} is gone (410)", connection);
                    return PushResult.GONE;
                }
                if (!isThrottled(e)) {
                    LOG.warn("push of {} bytes to connection {} failed ({}); the message stays owed",
                            data.asByteArrayUnsafe().length, connection, describe(e));
                    return PushResult.FAILED;
                }
                Duration wait = BACKOFF.delay(attempt);
                if (attempt >= budget.attempts() || remaining(deadline).compareTo(wait.plus(SHORTEST_ATTEMPT)) < 0) {
                    LOG.warn("push to connection {} still throttled after {} of at most {} attempts within {}; "
                            + "the message stays owed", connection, attempt, budget.attempts(), budget.deadline());
                    return PushResult.FAILED;
                }
                if (!sleep(wait)) {
                    LOG.warn("push to connection {} interrupted while throttled; the message stays owed", connection);
                    return PushResult.FAILED;
                }
            }
        }
    }

    private static PostToConnectionRequest request(ConnectionId connection, SdkBytes data, Duration timeout) {
        return PostToConnectionRequest.builder()
                .connectionId(connection.value())
                .data(data)
                .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                .build();
    }

    private static boolean isGone(SdkException e) {
        return e instanceof GoneException || e instanceof AwsServiceException service && service.statusCode() == 410;
    }

    /** API Gateway throttles with 429 LimitExceededException; the SDK also knows the generic throttling codes. */
    private static boolean isThrottled(SdkException e) {
        return e instanceof LimitExceededException
                || e instanceof AwsServiceException service && service.isThrottlingException();
    }

    /** An answer by its status and error code; a failure on this side (I/O, timeout) by its type and message. */
    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.statusCode() + (code == null ? "" : " " + code);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** DeleteConnection: API Gateway closes the socket and sends {@code $disconnect}; one already gone counts too. */
    @Override
    public boolean close(ConnectionId connection) {
        try {
            client.deleteConnection(b -> b.connectionId(connection.value()));
            return true;
        } catch (SdkException e) {
            if (isGone(e)) {
                return true;
            }
            LOG.warn("closing connection {} failed ({})", connection, describe(e));
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
