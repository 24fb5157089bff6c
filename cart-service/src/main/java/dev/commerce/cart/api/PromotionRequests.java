package dev.commerce.cart.api;

import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.promotion.PromotionAction;
import dev.commerce.cart.domain.promotion.PromotionConditions;
import dev.commerce.platform.domain.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of the promotion admin API, and their translation into the domain's definition. */
final class PromotionRequests {

    private PromotionRequests() {
    }

    @Schema(name = "PromotionTarget", description = "Lines matching any of these; all lines when empty")
    record Target(@Schema(examples = "[\"TR-42-BLU\"]") List<@NotBlank String> skus, @Schema(examples = "[\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\"]") List<@NotBlank String> productIds, @Schema(examples = "[\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\"]") List<@NotBlank String> categoryIds) {
    }

    @Schema(name = "PromotionTier")
    record Tier(@NotNull @Size(min = 1) List<@Valid @NotNull Money> thresholds, @Schema(examples = "10") BigDecimal percent, List<@Valid @NotNull Money> amounts) {
    }

    @Schema(name = "PromotionAction")
    record Action(@NotNull PromotionAction.Type type,
                  @Schema(examples = "10", description = "0 < percent <= 100 (buy X get Y: off the rewarded units; 100 when absent)") BigDecimal percent,
                  @Schema(description = "Amounts off per currency (LINE_FIXED: per unit)") List<@Valid @NotNull Money> amounts,
                  @Valid Target target, @Schema(examples = "2") @Min(1) Integer buyQuantity, @Schema(examples = "1") @Min(1) Integer getQuantity,
                  List<@Valid @NotNull Tier> tiers) {
    }

    @Schema(name = "PromotionConditions")
    record Conditions(@Schema(description = "Minimum subtotal per currency") List<@Valid @NotNull Money> minSubtotal,
                      @Schema(examples = "2") @Min(1) Integer minQuantity,
                      @Schema(description = "Only a signed-in customer's first order") Boolean firstOrder,
                      @Min(1) @Schema(examples = "3", description = "Repeat customers: at least this many confirmed orders") Integer minConfirmedOrders,
                      @Size(max = 50) @Schema(description = "Only members of any of these customer groups (customer-service's codes)",
                              examples = "[\"vip\"]") List<@NotBlank String> customerGroups) {
    }

    @Schema(name = "PromotionInput")
    record PromotionRequest(@Schema(examples = "10% off your first order") @NotBlank @Size(max = 200) String name, @Schema(examples = "For new customers, with the code WELCOME10") @Size(max = 2000) String description,
                            @Schema(description = "True: applies by itself; false: a code unlocks it") Boolean automatic,
                            Boolean active,
                            @Min(0) @Max(1_000_000) @Schema(examples = "100", description = "Lower goes first") Integer priority,
                            @Schema(description = "Nothing applies after it") Boolean exclusive,
                            @Schema(description = "False: applies only alone (nothing before it, nothing after it)") Boolean combinable,
                            Instant startsAt, Instant endsAt, @Schema(examples = "1000") @Min(1) Integer usageLimit, @Schema(examples = "1") @Min(1) Integer perCustomerLimit,
                            @Valid Conditions conditions, @Valid @NotNull Action action) {

        Promotion.Definition definition() {
            Conditions given = conditions == null ? new Conditions(null, null, null, null, null) : conditions;
            Target target = action.target() == null ? new Target(null, null, null) : action.target();
            return new Promotion.Definition(name, description, Boolean.TRUE.equals(automatic), active == null || active,
                    priority == null ? 0 : priority, Boolean.TRUE.equals(exclusive), combinable == null || combinable,
                    startsAt, endsAt, usageLimit, perCustomerLimit,
                    new PromotionConditions(amounts(given.minSubtotal(), "conditions.minSubtotal"), given.minQuantity(),
                            given.firstOrder(), given.minConfirmedOrders(), given.customerGroups()),
                    new PromotionAction(action.type(), action.percent(), amounts(action.amounts(), "action.amounts"),
                            new PromotionAction.Target(target.skus(), target.productIds(), target.categoryIds()),
                            action.buyQuantity(), action.getQuantity(),
                            action.tiers() == null ? List.of() : action.tiers().stream().map(tier -> new PromotionAction.Tier(
                                    amounts(tier.thresholds(), "action.tiers.thresholds"), tier.percent(),
                                    amounts(tier.amounts(), "action.tiers.amounts"))).toList()));
        }
    }

    @Schema(name = "PromotionCodeInput")
    record CodeRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{2,63}") @Schema(examples = "WELCOME10") String code,
                       @Min(1) @Schema(examples = "500", description = "Uses of this code; absent: as often as the promotion allows") Integer usageLimit) {
    }

    @Schema(name = "PromotionCodeBatch")
    record GenerateRequest(@Schema(examples = "500") @NotNull @Min(1) @Max(10_000) Integer count,
                           @Pattern(regexp = "[A-Za-z0-9_-]{0,20}") @Schema(examples = "XMAS-") String prefix,
                           @Min(6) @Max(32) @Schema(examples = "10", description = "Random characters after the prefix (default 10)") Integer length) {
    }

    static Map<String, BigDecimal> amounts(List<Money> amounts, String field) {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (Money money : amounts == null ? List.<Money>of() : amounts) {
            byCurrency.put(money.currency(), money.value(field));
        }
        return byCurrency;
    }
}
