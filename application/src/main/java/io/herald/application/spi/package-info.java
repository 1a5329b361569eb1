/**
 * Contracts between adapters in the core's vocabulary, which no use case calls: one adapter offers a service another
 * uses (the wire format a push takes, the log of model calls) without either depending on the other. Ports the use
 * cases need live in {@code port}; an ArchUnit rule keeps use cases away from this package.
 */
package io.herald.application.spi;
