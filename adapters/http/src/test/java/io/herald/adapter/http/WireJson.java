package io.herald.adapter.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * A response body as the bytes a client receives: text as it is, a typed body through the JSON mapper of a started
 * Micronaut context, configured as the shapes configure it, so a test sees what the wire carries.
 */
final class WireJson {
    private static final JsonMapper MAPPER = ApplicationContext.builder().deduceEnvironment(false).banner(false)
            .start().getBean(JsonMapper.class);

    private WireJson() {
    }

    static String write(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return new String(MAPPER.writeValueAsBytes(body), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("cannot write " + body, e);
        }
    }
}
