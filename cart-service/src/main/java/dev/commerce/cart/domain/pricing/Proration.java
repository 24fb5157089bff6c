package dev.commerce.cart.domain.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits an amount over weighted parts in whole minor units so that the parts always add up to the amount exactly
 * (largest remainder: each part gets its floor, the units left go to the largest fractions, earlier parts first on a
 * tie). 10.00 over three equal lines is 3.34 + 3.33 + 3.33, never 3.33 three times.
 */
public final class Proration {

    private Proration() {
    }

    /** {@code amount} (at {@code scale} decimals, not negative) split by {@code weights} (not negative). */
    public static List<BigDecimal> allocate(BigDecimal amount, List<BigDecimal> weights, int scale) {
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.isEmpty()) {
            return List.of();
        }
        if (total.signum() == 0 || amount.signum() == 0) {
            return weights.stream().map(weight -> BigDecimal.ZERO.setScale(scale)).toList();
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> shares = new ArrayList<>(weights.size());
        List<BigDecimal> fractions = new ArrayList<>(weights.size());
        BigDecimal allocated = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = amount.multiply(weight).divide(total, scale + 10, RoundingMode.DOWN);
            BigDecimal floor = exact.setScale(scale, RoundingMode.DOWN);
            shares.add(floor);
            fractions.add(exact.subtract(floor));
            allocated = allocated.add(floor);
        }
        int unitsLeft = amount.subtract(allocated).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
        List<Integer> byFraction = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> fractions.get(i)).reversed().thenComparing(i -> i))
                .toList();
        for (int n = 0; n < unitsLeft; n++) {
            int index = byFraction.get(n % byFraction.size());
            shares.set(index, shares.get(index).add(unit));
        }
        return List.copyOf(shares);
    }
}
