package io.herald.adapter.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** One caller's all-or-nothing write, and what became of it; the caller never sees whom it was committed with. */
final class Transaction {
    private Transaction() {
    }

    /**
     * The items of one caller's transaction, in the order its cancellation reasons come back. {@code durable}: the
     * caller acts on it as surely kept (answers a client, pushes what it stored), so the store must have committed it
     * before the caller hears back; a write whose loss only means doing something again need not wait for that.
     */
    record Request(List<TransactWriteItem> items, boolean durable) {
        Request {
            items = List.copyOf(items);
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a transaction needs at least one item");
            }
        }

        Request(List<TransactWriteItem> items) {
            this(items, true);
        }
    }

    sealed interface Outcome {
    }

    /** Every item was written. */
    record Committed() implements Outcome {
    }

    /**
     * A condition of this caller's own items failed, so none of them was written. {@code reasons} lines up with the
     * request's items; a failed condition carries the item as it was when one was asked for.
     */
    record Refused(List<CancellationReason> reasons) implements Outcome {
        Refused {
            reasons = List.copyOf(reasons);
        }

        boolean failed(int index) {
            return ConditionFailed.CODE.equals(reasons.get(index).code());
        }

        Map<String, AttributeValue> itemAt(int index) {
            CancellationReason reason = reasons.get(index);
            return reason.hasItem() ? reason.item() : Map.of();
        }
    }

    /** The cancellation reason a failed condition carries. */
    static final class ConditionFailed {
        static final String CODE = "ConditionalCheckFailed";

        private ConditionFailed() {
        }
    }

    static Outcome committed() {
        return new Committed();
    }

    static Refused refused(List<CancellationReason> reasons) {
        return new Refused(Objects.requireNonNull(reasons, "reasons"));
    }
}
