package io.herald.domain;

/** Whether a session is one player alone or a team that others join by code. */
public enum TeamMode {
    SOLO,
    TEAM
}
