package io.herald.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The events AWS hands Herald's handlers, built the way API Gateway and EventBridge shape them. */
final class AwsEvents {
    private AwsEvents() {
    }

    static APIGatewayV2HTTPEvent http(String method, String path, String query, String token, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json", "host", "api.example.com"));
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString(query == null ? "" : query)
                .withQueryStringParameters(query == null ? null : parseQuery(query))
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                                .withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").build()).build())
                .build();
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        return parameters;
    }

    static APIGatewayV2WebSocketEvent socket(String route, String connectionId, Map<String, String> query, String body) {
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        APIGatewayV2WebSocketEvent.RequestContext requestContext = new APIGatewayV2WebSocketEvent.RequestContext();
        requestContext.setRouteKey(route);
        requestContext.setConnectionId(connectionId);
        requestContext.setEventType(route.equals("$connect") ? "CONNECT" : route.equals("$disconnect") ? "DISCONNECT" : "MESSAGE");
        requestContext.setStage("dev");
        event.setRequestContext(requestContext);
        event.setQueryStringParameters(query);
        event.setBody(body);
        return event;
    }

    /** The envelope EventBridge hands the orchestrator for an entry Herald put. */
    static Map<String, Object> envelope(JsonNode putEntry) throws Exception {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("version", "0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("detail-type", putEntry.get("DetailType").asText());
        envelope.put("source", putEntry.get("Source").asText());
        envelope.put("account", "123456789012");
        envelope.put("time", "2026-11-22T10:00:00Z");
        envelope.put("region", "us-east-1");
        envelope.put("resources", List.of());
        envelope.put("detail", AwsStubs.JSON.readValue(putEntry.get("Detail").asText(), Map.class));
        return envelope;
    }

    /** Settings a handler context needs to run against DynamoDB Local and the given stand-ins. */
    static Map<String, Object> settings(String dynamoEndpoint, String eventsEndpoint, String connectionsEndpoint) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.region", "us-east-1");
        properties.put("aws.access-key-id", "local");
        properties.put("aws.secret-key", "local");
        properties.put("aws.services.dynamodb.endpoint-override", dynamoEndpoint);
        properties.put("aws.services.events.endpoint-override", eventsEndpoint);
        properties.put("herald.dynamodb.table-name", "herald-lambda");
        properties.put("herald.dynamodb.create-table", true);
        properties.put("herald.tokens.secret", "a-lambda-test-secret-of-32-bytes-at-least");
        properties.put("herald.eventbridge.enabled", true);
        properties.put("herald.apigateway.endpoint", connectionsEndpoint);
        properties.put("herald.http.websocket-url", "wss://abc123.execute-api.us-east-1.amazonaws.com/dev");
        // The stories send one player two messages within minutes; the cooldown has its own tests.
        properties.put("herald.messages.cooldown", "0s");
        return properties;
    }
}
