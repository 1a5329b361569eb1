package io.herald.adapter.dynamodb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * An SDK interceptor that makes DynamoDB misbehave the ways production does. In chaos mode every other call fails:
 * a batch write loses half its items to UnprocessedItems; any other call is throttled, alternately before DynamoDB
 * applied it and after (the answer lost on the way back). It can also break the next save half-way, for tests of a
 * processor that dies.
 */
final class FaultInjector implements ExecutionInterceptor {
    private static final ExecutionAttribute<String> FAULT = new ExecutionAttribute<>("herald.fault");
    private static final ExecutionAttribute<Boolean> BROKEN_CALL = new ExecutionAttribute<>("herald.broken");
    private static final ExecutionAttribute<List<WriteRequest>> DROPPED = new ExecutionAttribute<>("herald.dropped");
    private static final String APPLIED = "throttle-after";
    private static final String BROKEN = "broken";
    private static final String NONE = "none";

    private final AtomicBoolean chaos = new AtomicBoolean();
    private final AtomicBoolean throttleAll = new AtomicBoolean();
    /** Seeded, so a failing run can be replayed; half of the draws come up faulty. */
    private final java.util.Random coin = new java.util.Random(20261122);
    private final AtomicInteger throttles = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final AtomicInteger batchesBeforeBreak = new AtomicInteger(-1);

    void chaos(boolean on) {
        chaos.set(on);
    }

    /** Every attempt throttled before DynamoDB applies it, for tests of how often a call is tried. */
    void throttleEverything(boolean on) {
        throttleAll.set(on);
    }

    /** The next save writes its first batch of copies, then its next write fails without effect. */
    void breakNextSaveAfterFirstBatch() {
        batchesBeforeBreak.set(1);
    }

    int faultsInjected() {
        return faults.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        attributes.putAttribute(FAULT, NONE);
        if (shouldBreak(request)) {
            attributes.putAttribute(BROKEN_CALL, true);
            faults.incrementAndGet();
            return request;
        }
        attributes.putAttribute(BROKEN_CALL, false);
        if (chaos.get() && request instanceof BatchWriteItemRequest batch
                && batch.requestItems().values().iterator().next().size() > 1 && coinFlip()) {
            faults.incrementAndGet();
            return dropHalf(batch, attributes);
        }
        return request;
    }

    private boolean coinFlip() {
        synchronized (coin) {
            return coin.nextBoolean();
        }
    }

    private boolean shouldBreak(SdkRequest request) {
        boolean write = request instanceof BatchWriteItemRequest
                || request instanceof software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
        if (!write || batchesBeforeBreak.get() < 0) {
            return false;
        }
        if (batchesBeforeBreak.get() > 0) {
            if (request instanceof BatchWriteItemRequest) {
                batchesBeforeBreak.decrementAndGet();
            }
            return false;
        }
        batchesBeforeBreak.set(-1);
        return true;
    }

    private static SdkRequest dropHalf(BatchWriteItemRequest batch, ExecutionAttributes attributes) {
        Map.Entry<String, List<WriteRequest>> table = batch.requestItems().entrySet().iterator().next();
        List<WriteRequest> all = table.getValue();
        int keep = all.size() / 2;
        attributes.putAttribute(DROPPED, new ArrayList<>(all.subList(keep, all.size())));
        return batch.toBuilder().requestItems(Map.of(table.getKey(), all.subList(0, keep))).build();
    }

    /** A call that must break does so on every attempt: DynamoDB is asked an operation it does not know. */
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        boolean broken = Boolean.TRUE.equals(attributes.getAttribute(BROKEN_CALL));
        attributes.putAttribute(FAULT, broken ? BROKEN : NONE);
        if (broken) {
            return context.httpRequest().toBuilder().putHeader("X-Amz-Target", "DynamoDB_20120810.Injected").build();
        }
        return context.httpRequest();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (!BROKEN.equals(attributes.getAttribute(FAULT))) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(400).putHeader("x-amzn-ErrorType", errorType(BROKEN))
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        if (!BROKEN.equals(attributes.getAttribute(FAULT))) {
            return context.responseBody();
        }
        return Optional.of(errorBody(BROKEN));
    }

    /**
     * The transport under the client, where throttling is decided for each HTTP attempt (interceptors that modify
     * the request run once per call), so the SDK's own retries meet faults as they would in production: alternately
     * before DynamoDB applied the request (it is never sent) and after (sent, its answer replaced).
     */
    SdkHttpClient over(SdkHttpClient real) {
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                boolean throttle = throttleAll.get() || chaos.get() && coinFlip();
                if (!throttle) {
                    return real.prepareRequest(request);
                }
                faults.incrementAndGet();
                boolean applied = !throttleAll.get() && throttles.incrementAndGet() % 2 == 0;
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        if (applied) {
                            HttpExecuteResponse answer = real.prepareRequest(request).call();
                            if (answer.responseBody().isPresent()) {
                                answer.responseBody().get().readAllBytes();
                                answer.responseBody().get().close();
                            }
                        }
                        return HttpExecuteResponse.builder()
                                .response(SdkHttpResponse.builder().statusCode(400)
                                        .putHeader("x-amzn-ErrorType", errorType(APPLIED)).build())
                                .responseBody(AbortableInputStream.create(errorBody(APPLIED)))
                                .build();
                    }

                    @Override
                    public void abort() {
                    }
                };
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    private static InputStream errorBody(String fault) {
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType(fault)
                + "\",\"message\":\"injected by the test\"}";
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String errorType(String fault) {
        return BROKEN.equals(fault) ? "ValidationException" : "ProvisionedThroughputExceededException";
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<WriteRequest> dropped = attributes.getAttribute(DROPPED);
        if (dropped == null || !(context.response() instanceof BatchWriteItemResponse response)) {
            return context.response();
        }
        String table = ((BatchWriteItemRequest) context.request()).requestItems().keySet().iterator().next();
        List<WriteRequest> unprocessed = new ArrayList<>(response.unprocessedItems().getOrDefault(table, List.of()));
        unprocessed.addAll(dropped);
        return response.toBuilder().unprocessedItems(Map.of(table, unprocessed)).build();
    }
}
