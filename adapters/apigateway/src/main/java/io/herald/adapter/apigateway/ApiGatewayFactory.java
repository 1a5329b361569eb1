package io.herald.adapter.apigateway;

import io.herald.application.port.ConnectionCloser;
import io.herald.application.port.ConnectionGateway;
import io.herald.application.spi.PushFormat;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Makes the {@link ConnectionGateway} on the Management API when its URL is configured. The SDK client is built here,
 * not taken from micronaut-aws-sdk-v2, because its endpoint is derived from the clients' WebSocket URL; it stays
 * private to the gateway so no other bean can share it.
 */
@Factory
public class ApiGatewayFactory {

    @Singleton
    @Requires(condition = EndpointConfigured.class)
    @Bean(typed = {ConnectionGateway.class, ConnectionCloser.class}, preDestroy = "close")
    ApiGatewayConnectionGateway connectionGateway(ApiGatewaySettings settings, PushFormat format,
            AwsCredentialsProviderChain credentials, AwsRegionProviderChain regions) {
        ManagementEndpoint endpoint = ManagementEndpoint.of(settings.websocketUrl(), settings.endpoint());
        return new ApiGatewayConnectionGateway(client(endpoint, regions.getRegion(), credentials), format,
                settings.pushBudget());
    }

    /**
     * The SDK's own retries are off: the gateway retries throttling within its push budget, and both together would
     * multiply the requests. The sockets of the Lambda shape live in API Gateway, so one URL-connection transport is
     * all a push needs.
     */
    static ApiGatewayManagementApiClient client(ManagementEndpoint endpoint, Region region,
            AwsCredentialsProvider credentials) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(endpoint.uri())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
