package dev.commerce.cart.domain.promotion;

import dev.commerce.platform.domain.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides which promotions apply to a cart and what each takes off, in a fixed order. First the selection, by
 * priority: an offer applies when it is in its validity window, its conditions hold on the cart as it is (subtotal
 * before discounts), its action has something to act on, and exclusivity allows it. Then the amounts, by phase:
 * line discounts (line percentage, line amount, buy X get Y, each on what is left of the line), then order
 * discounts (order percentage, order amount, spend tiers, on what is left of the goods), then free shipping. Every
 * amount is rounded half-up to the currency's minor unit and never exceeds what is left.
 */
public final class PromotionEngine {

    /** Who is buying: a customer's confirmed orders so far (null for a guest) and the customer's groups. */
    public record Buyer(Integer confirmedOrders, Set<String> groups) {
        public static final Buyer GUEST = new Buyer(null, Set.of());

        public Buyer {
            groups = groups == null ? Set.of() : Set.copyOf(groups);
        }

        /** A customer in no group. */
        public Buyer(Integer confirmedOrders) {
            this(confirmedOrders, Set.of());
        }
    }

    private PromotionEngine() {
    }

    public static PromotionResult apply(String currency, int scale, List<PromotionLine> lines, Buyer buyer,
                                        List<PromotionOffer> offers, Instant now) {
        BigDecimal subtotal = lines.stream().map(PromotionLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        int units = lines.stream().mapToInt(PromotionLine::quantity).sum();
        List<PromotionOffer> ordered = offers.stream()
                .sorted(Comparator.comparingInt(PromotionOffer::priority).thenComparing(offer -> offer.promotionId().toString()))
                .toList();

        List<PromotionOffer> selected = new ArrayList<>();
        List<PromotionResult.NotApplied> notApplied = new ArrayList<>();
        boolean closed = false;
        for (PromotionOffer offer : ordered) {
            Optional<String[]> refusal = refusal(offer, currency, lines, subtotal, units, buyer, now);
            if (refusal.isEmpty() && closed) {
                refusal = Optional.of(new String[]{"excluded", "another promotion that does not combine already applies"});
            }
            if (refusal.isEmpty() && !offer.combinable() && !selected.isEmpty()) {
                refusal = Optional.of(new String[]{"not-combinable", "does not combine with the promotions already applied"});
            }
            if (refusal.isPresent()) {
                notApplied.add(new PromotionResult.NotApplied(offer.promotionId(), offer.name(), offer.code(),
                        refusal.get()[0], refusal.get()[1]));
                continue;
            }
            selected.add(offer);
            closed = offer.exclusive() || !offer.combinable();
        }

        Map<UUID, BigDecimal> remaining = new LinkedHashMap<>();
        lines.forEach(line -> remaining.put(line.lineId(), line.total().setScale(scale, RoundingMode.UNNECESSARY)));
        Map<UUID, BigDecimal> lineDiscounts = new LinkedHashMap<>();
        Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
        for (PromotionOffer offer : selected) {
            Map<UUID, BigDecimal> off = switch (offer.action().type()) {
                case LINE_PERCENTAGE -> linePercentage(offer.action(), lines, remaining, scale);
                case LINE_FIXED -> lineFixed(offer.action(), currency, lines, remaining);
                case BUY_X_GET_Y -> buyXGetY(offer.action(), lines, remaining, scale);
                default -> Map.of();
            };
            off.forEach((lineId, amount) -> {
                remaining.merge(lineId, amount.negate(), BigDecimal::add);
                lineDiscounts.merge(lineId, amount, BigDecimal::add);
            });
            amounts.put(offer.promotionId(), off.values().stream().reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add));
        }
        BigDecimal orderDiscount = BigDecimal.ZERO.setScale(scale);
        for (PromotionOffer offer : selected) {
            BigDecimal left = remaining.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(orderDiscount);
            BigDecimal off = switch (offer.action().type()) {
                case ORDER_PERCENTAGE -> percentOf(left, offer.action().percent(), scale);
                case ORDER_FIXED -> offer.action().amounts().getOrDefault(currency, BigDecimal.ZERO);
                case TIERED -> tierReached(offer.action(), currency, subtotal).map(tier -> tier.percent() != null
                        ? percentOf(left, tier.percent(), scale)
                        : tier.amounts().getOrDefault(currency, BigDecimal.ZERO)).orElse(BigDecimal.ZERO);
                default -> null;
            };
            if (off != null) {
                off = off.setScale(scale, RoundingMode.HALF_UP).min(left);
                orderDiscount = orderDiscount.add(off);
                amounts.put(offer.promotionId(), off);
            }
        }
        List<PromotionResult.Applied> applied = selected.stream().map(offer -> new PromotionResult.Applied(
                offer.promotionId(), offer.name(), offer.code(),
                amounts.getOrDefault(offer.promotionId(), BigDecimal.ZERO.setScale(scale)),
                offer.action().type() == PromotionAction.Type.FREE_SHIPPING)).toList();
        return new PromotionResult(lineDiscounts, orderDiscount, applied, notApplied);
    }

    /** Why the offer does not apply to this cart: {reason, message}, or empty when it does. */
    private static Optional<String[]> refusal(PromotionOffer offer, String currency, List<PromotionLine> lines,
                                              BigDecimal subtotal, int units, Buyer buyer, Instant now) {
        PromotionConditions conditions = offer.conditions();
        if (!offer.activeAt(now)) {
            return Optional.of(new String[]{offer.startsAt() != null && now.isBefore(offer.startsAt()) ? "not-started" : "expired",
                    offer.startsAt() != null && now.isBefore(offer.startsAt()) ? "starts at " + offer.startsAt() : "ended at " + offer.endsAt()});
        }
        if (conditions.minQuantity() != null && units < conditions.minQuantity()) {
            int missing = conditions.minQuantity() - units;
            return Optional.of(new String[]{"min-quantity", "add " + missing + " more unit" + (missing == 1 ? "" : "s")});
        }
        BigDecimal minimum = conditions.minSubtotal().get(currency);
        if (!conditions.minSubtotal().isEmpty() && minimum == null) {
            return Optional.of(new String[]{"currency", "not offered in " + currency});
        }
        if (minimum != null && subtotal.compareTo(minimum) < 0) {
            return Optional.of(new String[]{"min-subtotal", "add " + Money.format(minimum.subtract(subtotal), currency) + " " + currency + " more"});
        }
        if (Boolean.TRUE.equals(conditions.firstOrder()) && (buyer.confirmedOrders() == null || buyer.confirmedOrders() > 0)) {
            return Optional.of(new String[]{"first-order", buyer.confirmedOrders() == null
                    ? "for a signed-in customer's first order" : "only for a first order"});
        }
        if (conditions.minConfirmedOrders() != null
                && (buyer.confirmedOrders() == null || buyer.confirmedOrders() < conditions.minConfirmedOrders())) {
            return Optional.of(new String[]{"loyalty", "for customers with at least " + conditions.minConfirmedOrders() + " orders"});
        }
        if (!conditions.customerGroups().isEmpty() && conditions.customerGroups().stream().noneMatch(buyer.groups()::contains)) {
            return Optional.of(new String[]{"customer-group", "for members of " + String.join(", ", conditions.customerGroups())});
        }
        return actionRefusal(offer.action(), currency, lines, subtotal);
    }

    private static Optional<String[]> actionRefusal(PromotionAction action, String currency, List<PromotionLine> lines,
                                                    BigDecimal subtotal) {
        List<PromotionLine> matching = lines.stream().filter(action.target()::matches).toList();
        return switch (action.type()) {
            case LINE_PERCENTAGE, LINE_FIXED -> matching.isEmpty()
                    ? Optional.of(new String[]{"no-matching-lines", "no line in the cart qualifies"})
                    : action.type() == PromotionAction.Type.LINE_FIXED && !action.amounts().containsKey(currency)
                    ? Optional.of(new String[]{"currency", "not offered in " + currency}) : Optional.empty();
            case BUY_X_GET_Y -> {
                int units = matching.stream().mapToInt(PromotionLine::quantity).sum();
                int group = action.buyQuantity() + action.getQuantity();
                yield units >= group ? Optional.empty() : Optional.of(new String[]{"min-quantity",
                        "add " + (group - units) + " more qualifying unit" + (group - units == 1 ? "" : "s")});
            }
            case ORDER_FIXED -> action.amounts().containsKey(currency) ? Optional.empty()
                    : Optional.of(new String[]{"currency", "not offered in " + currency});
            case TIERED -> {
                if (tierReached(action, currency, subtotal).isPresent()) {
                    yield Optional.empty();
                }
                Optional<BigDecimal> lowest = action.tiers().stream().map(tier -> tier.thresholds().get(currency))
                        .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder());
                yield Optional.of(lowest.map(threshold -> new String[]{"min-subtotal",
                                "add " + Money.format(threshold.subtract(subtotal), currency) + " " + currency + " more"})
                        .orElse(new String[]{"currency", "not offered in " + currency}));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<PromotionAction.Tier> tierReached(PromotionAction action, String currency, BigDecimal subtotal) {
        return action.tiers().stream()
                .filter(tier -> tier.thresholds().get(currency) != null && subtotal.compareTo(tier.thresholds().get(currency)) >= 0)
                .max(Comparator.comparing(tier -> tier.thresholds().get(currency)));
    }

    private static Map<UUID, BigDecimal> linePercentage(PromotionAction action, List<PromotionLine> lines,
                                                        Map<UUID, BigDecimal> remaining, int scale) {
        Map<UUID, BigDecimal> off = new LinkedHashMap<>();
        lines.stream().filter(action.target()::matches).forEach(line -> off.put(line.lineId(),
                percentOf(remaining.get(line.lineId()), action.percent(), scale)));
        return off;
    }

    private static Map<UUID, BigDecimal> lineFixed(PromotionAction action, String currency, List<PromotionLine> lines,
                                                   Map<UUID, BigDecimal> remaining) {
        BigDecimal perUnit = action.amounts().getOrDefault(currency, BigDecimal.ZERO);
        Map<UUID, BigDecimal> off = new LinkedHashMap<>();
        lines.stream().filter(action.target()::matches).forEach(line -> off.put(line.lineId(),
                perUnit.multiply(BigDecimal.valueOf(line.quantity())).min(remaining.get(line.lineId()))));
        return off;
    }

    /** For every (buy + get) matching units, the get cheapest ones are free (or percent off). */
    private static Map<UUID, BigDecimal> buyXGetY(PromotionAction action, List<PromotionLine> lines,
                                                  Map<UUID, BigDecimal> remaining, int scale) {
        List<PromotionLine> matching = lines.stream().filter(action.target()::matches)
                .sorted(Comparator.comparing(PromotionLine::unitPrice).thenComparing(line -> line.lineId().toString())).toList();
        int units = matching.stream().mapToInt(PromotionLine::quantity).sum();
        int rewarded = units / (action.buyQuantity() + action.getQuantity()) * action.getQuantity();
        BigDecimal percent = action.percent() == null ? BigDecimal.valueOf(100) : action.percent();
        Map<UUID, BigDecimal> off = new LinkedHashMap<>();
        for (PromotionLine line : matching) {
            if (rewarded == 0) {
                break;
            }
            int here = Math.min(rewarded, line.quantity());
            rewarded -= here;
            BigDecimal amount = percentOf(line.unitPrice().multiply(BigDecimal.valueOf(here)), percent, scale)
                    .min(remaining.get(line.lineId()));
            off.put(line.lineId(), amount);
        }
        return off;
    }

    private static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, int scale) {
        return amount.multiply(percent).divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_UP);
    }
}
