package dev.commerce.order.domain.fulfillment;

import dev.commerce.platform.domain.Money;
import dev.commerce.platform.domain.RuleViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The rules of shipping, delivering and returning an order's lines, and what each shipment captures and each return
 * refunds:
 * <ul>
 *     <li>a shipment captures what its units carry of their lines' payable amounts ({@link Proration}); the first
 *     shipment also captures the order's own charges (the shipping price after its discount, with its tax), so that
 *     an order shipped in parts captures exactly its grand total, and the shipping is paid when goods first leave;</li>
 *     <li>a return refunds what its units carry of their lines' payable amounts; the shipping is not refunded.</li>
 * </ul>
 * A SKU that sits on two lines is taken from the earlier line first.
 */
public final class Fulfillment {

    private Fulfillment() {
    }

    /** What the order charges beside its lines: the grand total less every line's payable amount (its shipping). */
    public static BigDecimal orderCharges(List<OrderLine> lines, BigDecimal grandTotal) {
        return grandTotal.subtract(lines.stream().map(OrderLine::payable).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** Ships the requested units; answers the amount to capture for them. */
    public static BigDecimal ship(List<OrderLine> lines, List<SkuQuantity> requested, boolean firstShipment, BigDecimal grandTotal,
                                  String currency) {
        BigDecimal charges = firstShipment ? orderCharges(lines, grandTotal) : BigDecimal.ZERO;
        int digits = Money.minorDigits(currency);
        BigDecimal goods = take(lines, requested, line -> line.quantity() - line.shipped(), "quantity-exceeds-unshipped",
                "Quantity exceeds what is left to ship", (line, units) -> line.ship(units, digits));
        return goods.add(charges).max(BigDecimal.ZERO).setScale(digits);
    }

    /** The carrier delivered a shipment's units. */
    public static void deliver(List<OrderLine> lines, List<SkuQuantity> shipped) {
        take(lines, shipped, line -> line.shipped() - line.delivered(), "quantity-exceeds-shipped",
                "Quantity exceeds what was shipped", (line, units) -> {
                    line.deliver(units);
                    return BigDecimal.ZERO;
                });
    }

    /** Takes back delivered units; answers the amount to refund for them. */
    public static BigDecimal takeBack(List<OrderLine> lines, List<SkuQuantity> requested, String currency) {
        int digits = Money.minorDigits(currency);
        return take(lines, requested, line -> line.delivered() - line.returned(), "quantity-exceeds-returnable",
                "Quantity exceeds what can be returned", (line, units) -> line.takeBack(units, digits)).setScale(digits);
    }

    public static boolean everyLineDelivered(List<OrderLine> lines) {
        return !lines.isEmpty() && lines.stream().allMatch(OrderLine::fullyDelivered);
    }

    private interface Move {
        BigDecimal apply(OrderLine line, int units);
    }

    /** Checks every requested SKU first (nothing moves when one is refused), then moves the units line by line. */
    private static BigDecimal take(List<OrderLine> lines, List<SkuQuantity> requested, ToIntFunction<OrderLine> left,
                                   String rule, String title, Move move) {
        Map<String, Integer> units = merged(requested);
        units.forEach((sku, asked) -> {
            List<OrderLine> matching = linesOf(lines, sku);
            if (matching.isEmpty()) {
                throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "unknown-order-line", "Unknown order line",
                        "the order has no line with SKU " + sku).with("sku", sku);
            }
            int available = matching.stream().mapToInt(left).sum();
            if (asked > available) {
                throw new RuleViolation(RuleViolation.Kind.CONFLICT, rule, title,
                        asked + " units of " + sku + " asked, " + available + " left").with("sku", sku).with("available", available);
            }
        });
        BigDecimal amount = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> entry : units.entrySet()) {
            int remaining = entry.getValue();
            for (OrderLine line : linesOf(lines, entry.getKey())) {
                int moved = Math.min(remaining, left.applyAsInt(line));
                if (moved > 0) {
                    amount = amount.add(move.apply(line, moved));
                    remaining -= moved;
                }
            }
        }
        return amount;
    }

    private static Map<String, Integer> merged(List<SkuQuantity> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", "lines", "must name at least one line");
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        for (SkuQuantity line : requested) {
            if (line.quantity() <= 0) {
                throw new RuleViolation(RuleViolation.Kind.INVALID, "validation", "Invalid request", "lines", "quantities must be positive");
            }
            units.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return units;
    }

    private static List<OrderLine> linesOf(List<OrderLine> lines, String sku) {
        List<OrderLine> matching = new ArrayList<>();
        lines.stream().filter(line -> line.sku().equals(sku)).forEach(matching::add);
        return matching;
    }
}
