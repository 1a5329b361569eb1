package io.herald.loadtest;

/** Where a member is in a room: the last offset it has, within the room's epoch. */
record SeenPosition(long offset, long epoch) {}
