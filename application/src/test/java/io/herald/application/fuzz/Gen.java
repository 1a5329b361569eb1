package io.herald.application.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** A generator of test input from a seeded {@link Random}: the same seed always makes the same values. */
@FunctionalInterface
public interface Gen<T> {
    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** Lists of 0 to {@code max} values, every size equally likely. */
    default Gen<List<T>> list(int max) {
        return random -> {
            int size = random.nextInt(max + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return random -> values[random.nextInt(values.length)];
    }

    static <T> Gen<T> of(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return random -> gens[random.nextInt(gens.length)].next(random);
    }

    /** One generator picked by weight: {@code weighted(3, a, 1, b)} takes {@code a} three times as often as {@code b}. */
    static <T> Gen<T> weighted(Object... weightsAndGens) {
        int total = 0;
        for (int i = 0; i < weightsAndGens.length; i += 2) {
            total += (Integer) weightsAndGens[i];
        }
        int sum = total;
        return random -> {
            int pick = random.nextInt(sum);
            for (int i = 0; i < weightsAndGens.length; i += 2) {
                pick -= (Integer) weightsAndGens[i];
                if (pick < 0) {
                    @SuppressWarnings("unchecked")
                    Gen<? extends T> gen = (Gen<? extends T>) weightsAndGens[i + 1];
                    return gen.next(random);
                }
            }
            throw new IllegalStateException("weights do not add up");
        };
    }
}
