package io.herald.domain;

/**
 * How a team moves: together (position streams are pointless and dropped) or independently (positions are
 * relayed, throttled). Seed 001's `teamTravelMode`.
 */
public enum TravelMode {
    CO_LOCATED,
    INDEPENDENT
}
