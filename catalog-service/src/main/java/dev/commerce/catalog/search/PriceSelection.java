package dev.commerce.catalog.search;

import org.apache.lucene.util.IntroSelector;

/**
 * Puts a result's prices where a sort would at a few positions only (the price bands read the ends and the
 * quantiles): linear time, where sorting every price of a large result was a tenth of a search's time.
 */
final class PriceSelection {

    private PriceSelection() {
    }

    /** After it, {@code prices[k]} for each of the ascending, distinct {@code positions} is what a sort puts there. */
    static void orderAt(long[] prices, int[] positions) {
        IntroSelector selector = new IntroSelector() {
            private long pivot;

            @Override
            protected void swap(int i, int j) {
                long swapped = prices[i];
                prices[i] = prices[j];
                prices[j] = swapped;
            }

            @Override
            protected void setPivot(int i) {
                pivot = prices[i];
            }

            @Override
            protected int comparePivot(int j) {
                return Long.compare(pivot, prices[j]);
            }
        };
        int from = 0;
        for (int position : positions) {
            // everything before the previous position is no greater than it: select among the rest
            selector.select(from, prices.length, position);
            from = position + 1;
        }
    }
}
