package io.herald.loadtest;

/**
 * Who is who in a room run. Member {@code seat} of room {@code r} is player {@code r × members + seat}, and player
 * {@code k} uses node {@code k mod n} for its registration, its socket and its sends. The first {@code senders}
 * seats send; the last {@code reconnect} seats (never senders) go away and come back. Rooms are named after the
 * run, so runs against one long-lived server never meet each other's rooms.
 */
record RoomPlan(String run, int rooms, int members, int senders, int reconnect) {
    RoomPlan {
        if (senders > members || reconnect > members - senders) {
            throw new IllegalArgumentException("senders and reconnecting members must be distinct members");
        }
    }

    static RoomPlan of(ScenarioOptions.Room options, String run) {
        return new RoomPlan(run, options.rooms(), options.members(), options.senders(), options.reconnect());
    }

    /** Letters, digits and dashes only: a room id may hold no '#' and no space. */
    String roomId(int room) {
        return "lt-" + run + "-r" + room;
    }

    int player(int room, int seat) {
        return room * members + seat;
    }

    int players() {
        return rooms * members;
    }

    static int node(int player, int nodes) {
        return player % nodes;
    }

    /** Well under the server's 64 characters for a player name. */
    String playerName(int room, int seat) {
        return "room-r" + room + "-m" + seat;
    }

    boolean sends(int seat) {
        return seat < senders;
    }

    boolean reconnects(int seat) {
        return seat >= members - reconnect;
    }

    /**
     * Unique per room: {@code r<room>-s<sender>-<phase><seq>}, sent as the message's text too, so every copy a member
     * receives names the send it came from.
     */
    static String clientMessageId(int room, int sender, RoomBook.Phase phase, int seq) {
        return "r" + room + "-s" + sender + "-" + phase.tag() + seq;
    }
}
