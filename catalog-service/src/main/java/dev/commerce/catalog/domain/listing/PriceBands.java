package dev.commerce.catalog.domain.listing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The price bands a result is counted in: {@code 0-b1}, {@code b1-b2} ... {@code bn+}, each lower bound inclusive.
 * The bounds are configured per currency, or derived from the result's own prices: its quintiles rounded to a
 * "nice" amount (1, 2, 2.5 or 5 times a power of ten, at the currency's minor unit), so a JPY result gets bands
 * like 0-2000, 2000-5000 and a EUR one 0-20, 20-50.
 */
public record PriceBands(List<BigDecimal> bounds) {

    /** Prices are handled as longs in units of 10^-SCALE of the currency (every price has at most 4 decimals). */
    public static final int SCALE = 4;
    private static final int TARGET_BANDS = 5;
    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    public PriceBands {
        bounds = List.copyOf(bounds);
    }

    /**
     * Bands derived from {@code count} prices of {@code scaled}, in a currency of this minor unit. The prices need
     * to be in sorted order only at the {@link #positionsRead positions read}: a sorted array will do.
     */
    public static PriceBands derive(long[] scaled, int count, int fractionDigits) {
        TreeSet<BigDecimal> bounds = new TreeSet<>();
        if (count > 1 && scaled[0] != scaled[count - 1]) {
            for (int band = 1; band < TARGET_BANDS; band++) {
                BigDecimal quantile = unscale(scaled[quantile(count, band)]);
                BigDecimal bound = nice(quantile, fractionDigits);
                if (bound.signum() > 0 && bound.compareTo(unscale(scaled[count - 1])) <= 0) {
                    bounds.add(bound.stripTrailingZeros());
                }
            }
        }
        return new PriceBands(new ArrayList<>(bounds));
    }

    /** The ascending, distinct positions of {@code count} sorted prices that {@link #derive} reads: the ends and quantiles. */
    public static int[] positionsRead(int count) {
        TreeSet<Integer> positions = new TreeSet<>();
        if (count > 0) {
            positions.add(0);
            positions.add(count - 1);
            for (int band = 1; band < TARGET_BANDS; band++) {
                positions.add(quantile(count, band));
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int quantile(int count, int band) {
        return (int) ((long) count * band / TARGET_BANDS);
    }

    /** How many of the {@code count} prices of {@code scaled} (any order) fall in each band, in band order. */
    public Map<String, Long> count(long[] scaled, int count) {
        long[] upper = bounds.stream().mapToLong(PriceBands::scale).toArray();
        long[] counts = new long[upper.length + 1];
        for (int i = 0; i < count; i++) {
            int band = Arrays.binarySearch(upper, scaled[i]);
            counts[band >= 0 ? band + 1 : -band - 1]++;
        }
        Map<String, Long> bands = new LinkedHashMap<>();
        String lower = "0";
        for (int i = 0; i < upper.length; i++) {
            String bound = bounds.get(i).toPlainString();
            bands.put(lower + "-" + bound, counts[i]);
            lower = bound;
        }
        bands.put(lower + "+", counts[upper.length]);
        return bands;
    }

    public static long scale(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    public static BigDecimal unscale(long scaled) {
        return BigDecimal.valueOf(scaled, SCALE);
    }

    /** The nice amount nearest to {@code amount}: 1, 2, 2.5 or 5 times a power of ten, at the minor unit. */
    static BigDecimal nice(BigDecimal amount, int fractionDigits) {
        if (amount.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        int exponent = amount.precision() - amount.scale() - 1; // floor(log10(amount))
        BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
        double fraction = amount.divide(power, 6, RoundingMode.HALF_UP).doubleValue();
        double best = NICE[0];
        for (double candidate : NICE) {
            if (Math.abs(candidate - fraction) < Math.abs(best - fraction)) {
                best = candidate;
            }
        }
        return BigDecimal.valueOf(best).multiply(power).setScale(fractionDigits, RoundingMode.HALF_UP);
    }
}
