package fr.artisanat.registry.sirene.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Draws items with given relative weights; items keep the order they were added in, so draws are reproducible. */
final class WeightedChoice<T> {

    private final List<T> items;
    private final double[] cumulativeWeights;

    private WeightedChoice(List<T> items, double[] cumulativeWeights) {
        this.items = List.copyOf(items);
        this.cumulativeWeights = cumulativeWeights;
    }

    T pick(Random random) {
        double target = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int index = Arrays.binarySearch(cumulativeWeights, target);
        // binarySearch gives -(insertion point) - 1 when absent: the first cumulative weight above the target.
        // The bound guards against the product rounding up to the total.
        int chosen = index >= 0 ? index + 1 : -index - 1;
        return items.get(Math.min(chosen, items.size() - 1));
    }

    static final class Builder<T> {

        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T item, double weight) {
            if (weight > 0) {
                items.add(item);
                weights.add(weight);
            }
            return this;
        }

        WeightedChoice<T> build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("nothing to choose from");
            }
            double[] cumulative = new double[weights.size()];
            double total = 0;
            for (int i = 0; i < cumulative.length; i++) {
                total += weights.get(i);
                cumulative[i] = total;
            }
            return new WeightedChoice<>(items, cumulative);
        }
    }
}
