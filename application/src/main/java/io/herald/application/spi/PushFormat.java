package io.herald.application.spi;

import io.herald.application.port.Push;

/**
 * How a push looks on the wire. The wire protocol adapter implements it; gateways that deliver bytes elsewhere
 * (API Gateway's @connections) use it, so there is one wire format and no gateway depends on another adapter.
 */
public interface PushFormat {
    String encode(Push push);
}
