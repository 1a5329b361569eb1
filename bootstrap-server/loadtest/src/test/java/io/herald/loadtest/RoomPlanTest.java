package io.herald.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RoomPlanTest {
    private static final Pattern ROOM_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final RoomPlan plan = new RoomPlan("mk3x9", 3, 5, 2, 2);

    @Test
    void member_seat_of_room_r_is_player_r_times_members_plus_seat_on_node_player_mod_n() {
        assertThat(plan.player(0, 0)).isZero();
        assertThat(plan.player(2, 4)).isEqualTo(14);
        assertThat(plan.players()).isEqualTo(15);
        assertThat(RoomPlan.node(plan.player(2, 4), 3)).isEqualTo(2);
        assertThat(RoomPlan.node(plan.player(1, 0), 2)).isOne();
        assertThat(RoomPlan.node(999, 1)).isZero();
    }

    @Test
    void the_first_seats_send_and_the_last_ones_reconnect_never_the_same_member() {
        assertThat(plan.sends(0)).isTrue();
        assertThat(plan.sends(1)).isTrue();
        assertThat(plan.sends(2)).isFalse();
        assertThat(plan.reconnects(2)).isFalse();
        assertThat(plan.reconnects(3)).isTrue();
        assertThat(plan.reconnects(4)).isTrue();
        assertThatThrownBy(() -> new RoomPlan("x", 1, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void room_ids_are_valid_distinct_and_named_after_the_run() {
        assertThat(plan.roomId(0)).isEqualTo("lt-mk3x9-r0").matches(ROOM_ID);
        assertThat(plan.roomId(2)).isNotEqualTo(plan.roomId(0));
        assertThat(new RoomPlan("other", 3, 5, 2, 2).roomId(0)).isNotEqualTo(plan.roomId(0));
    }

    @Test
    void client_message_ids_differ_by_room_sender_phase_and_sequence_and_names_fit_the_server() {
        Set<String> ids = new HashSet<>();
        for (int room = 0; room < 3; room++) {
            for (int sender = 0; sender < 2; sender++) {
                for (RoomBook.Phase phase : RoomBook.Phase.values()) {
                    for (int seq = 1; seq <= 12; seq++) {
                        ids.add(RoomPlan.clientMessageId(room, sender, phase, seq));
                    }
                }
            }
        }

        assertThat(ids).hasSize(3 * 2 * 3 * 12);
        assertThat(RoomPlan.clientMessageId(1, 0, RoomBook.Phase.MISSED, 7)).isEqualTo("r1-s0-M7");
        assertThat(new RoomPlan("x", 1000, 1000, 1, 1).playerName(999, 999)).hasSizeLessThanOrEqualTo(64);
    }
}
