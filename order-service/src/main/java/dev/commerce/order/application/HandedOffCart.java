package dev.commerce.order.application;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.order.domain.fulfillment.OrderLine;
import dev.commerce.platform.domain.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What order-service reads from the cart's checkout snapshot (contracts/schemas/cart/checkout-snapshot.v1.json); the
 * snapshot itself is kept whole, as the cart sent it. Unknown members are ignored: the cart may add to its contract.
 */
record HandedOffCart(UUID cartId, UUID orderId, String customerId, String email, String currency, List<Line> lines,
                     Totals totals, boolean pricesIncludeTax) {

    record Line(UUID lineId, String sku, String name, int quantity, Money total, List<TaxLine> taxLines) {
    }

    record TaxLine(Money amount) {
    }

    /** What the shopper pays for each line: its total after discounts, with its tax when prices exclude it. */
    List<OrderLine> orderLines(UUID order) {
        List<OrderLine> orderLines = new ArrayList<>();
        for (int position = 0; position < lines.size(); position++) {
            Line line = lines.get(position);
            BigDecimal payable = line.total().value("lines[].total");
            if (!pricesIncludeTax && line.taxLines() != null) {
                for (TaxLine tax : line.taxLines()) {
                    payable = payable.add(tax.amount().value("lines[].taxLines[].amount"));
                }
            }
            orderLines.add(new OrderLine(order, position, line.lineId(), line.sku(), line.name(), line.quantity(), payable));
        }
        return orderLines;
    }

    record Totals(Money grandTotal) {
    }

    static HandedOffCart read(ObjectMapper json, String snapshot) {
        try {
            return json.readerFor(HandedOffCart.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("cart-service answered a checkout snapshot order-service cannot read", e);
        }
    }
}
