package io.herald.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * Issue 6's cold-start figure, not a test: in a fresh JVM, build a handler as the Lambda runtime does (its own
 * context from the environment) and handle one request that reaches the store. Prints milliseconds since JVM start.
 * Run as documented in the README ("Deploy to AWS").
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        if (args[0].endsWith("-primed")) {
            primed(args[0]);
            return;
        }
        ApplicationContext started;
        String result = switch (args[0]) {
            case "websocket" -> {
                WebSocketHandler handler = new WebSocketHandler();
                APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
                APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
                context.setRouteKey("$default");
                context.setConnectionId("cold-start-probe");
                event.setRequestContext(context);
                // An ack from a connection the store does not know: one DynamoDB read, an error frame back.
                event.setBody("{\"type\":\"ai_message_delivered\",\"sessionId\":\"s\",\"sk\":\"ai-msg#p#NodeComplete-1\"}");
                String body = handler.handleRequest(event, new TestLambdaContext()).getBody();
                started = handler.getApplicationContext();
                yield body;
            }
            case "http" -> {
                HttpHandler handler = new HttpHandler();
                APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                        .withRawPath("/api/teams").withRawQueryString("").withIsBase64Encoded(false)
                        .withHeaders(Map.of("content-type", "application/json", "host", "api.example.com"))
                        .withBody("{\"playerName\":\"Cold\",\"mode\":\"solo\"}")
                        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe")
                                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                        .withPath("/api/teams").withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").build())
                                .build())
                        .build();
                String status = handler.handleRequest(event, new TestLambdaContext()).getStatusCode() + "";
                started = handler.getApplicationContext();
                yield status;
            }
            case "orchestrator" -> {
                OrchestratorHandler handler = new OrchestratorHandler();
                String answer = handler.handleRequest(scheduledTick(), new TestLambdaContext());
                started = handler.getApplicationContext();
                yield answer;
            }
            default -> throw new IllegalArgumentException("websocket, http or orchestrator, each optionally -primed");
        };
        long done = System.currentTimeMillis();
        System.out.printf("COLDSTART %s: %d ms from JVM start (%d ms in main), %s, aot %s, answer %s%n", args[0],
                done - jvmStart, done - mainStart, work(), aot(started),
                result.length() > 60 ? result.substring(0, 60) : result);
        System.exit(0);
    }

    /**
     * The work behind the wall-clock figure, which other processes on a shared machine inflate: CPU time of every
     * thread so far (JIT and GC included) and how many classes were loaded.
     */
    private static String work() {
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        return "cpu " + cpu + " ms, " + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() + " classes";
    }

    /** Which Micronaut AOT optimizations the packaged artifact applied (none when run from classes, not the jar). */
    private static String aot(ApplicationContext context) {
        return context.getProperty("micronaut.aot.optimizations", List.class).map(Object::toString).orElse("[]");
    }

    /** The 5-minute schedule's tick: one page of connection records read, none to close in the probe's table. */
    private static Map<String, Object> scheduledTick() {
        return Map.of("version", "0", "id", "cold-start-probe", "detail-type", "Scheduled Event", "source", "aws.events",
                "time", "2026-01-01T00:00:00Z", "region", "us-east-1", "resources", List.of(), "detail", Map.of());
    }

    /** What SnapStart's restore skips: init and priming happen before the snapshot; only the next request is timed. */
    private static void primed(String mode) {
        long primeStart = System.nanoTime();
        Runnable request;
        if (mode.startsWith("orchestrator")) {
            OrchestratorHandler handler = new OrchestratorHandler();
            handler.prime();
            request = () -> handler.handleRequest(scheduledTick(), new TestLambdaContext());
        } else if (mode.startsWith("websocket")) {
            WebSocketHandler handler = new WebSocketHandler();
            handler.prime();
            APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
            APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
            context.setRouteKey("$default");
            context.setConnectionId("first-after-restore");
            event.setRequestContext(context);
            event.setBody("{\"type\":\"ai_message_read\",\"sessionId\":\"s2\",\"sk\":\"ai-msg#q#PuzzleSubmit-2\"}");
            request = () -> handler.handleRequest(event, new TestLambdaContext());
        } else {
            HttpHandler handler = new HttpHandler();
            handler.prime();
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("$default")
                    .withRawPath("/api/teams").withRawQueryString("").withIsBase64Encoded(false)
                    .withHeaders(Map.of("content-type", "application/json", "host", "api.example.com"))
                    .withBody("{\"playerName\":\"Restored\",\"mode\":\"solo\"}")
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                    .withPath("/api/teams").withProtocol("HTTP/1.1").withSourceIp("203.0.113.7").build())
                            .build())
                    .build();
            request = () -> handler.handleRequest(event, new TestLambdaContext());
        }
        long primed = System.nanoTime();
        request.run();
        long done = System.nanoTime();
        System.out.printf("COLDSTART %s: init+priming %d ms (before the snapshot), first request after it %d ms, %s%n", mode,
                (primed - primeStart) / 1_000_000, (done - primed) / 1_000_000, work());
        System.exit(0);
    }
}
