package dev.commerce.cart.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.cart.domain.CartView;
import dev.commerce.cart.domain.Cart;
import dev.commerce.cart.domain.CartLine;
import dev.commerce.cart.domain.pricing.PricedCart;
import dev.commerce.contracts.EventTypes;
import dev.commerce.contracts.Topics;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.messaging.outbox.EventType;
import dev.commerce.platform.messaging.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cart events on {@code cart.v1} (key = cart id), recorded through the outbox in the transaction of the change:
 * {@code cart-updated} carries the whole current cart. Payloads: contracts/schemas/cart/cart-*.v1.json.
 */
@ApplicationScoped
public class CartEvents {

    static final EventType UPDATED = EventType.of(EventTypes.CART_UPDATED);
    static final EventType ABANDONED = EventType.of(EventTypes.CART_ABANDONED);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AbandonedLine(String sku, String name, int quantity, Money unitPrice) {
    }

    /** cart-abandoned: who to remind (a customer, or a guest's email) and of what. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CartAbandoned(UUID cartId, String customerId, String email, List<AbandonedLine> lines, Money total,
                                Instant lastActivityAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(UUID lineId, String sku, int quantity, Money unitPrice, Money total, boolean available) {
    }

    public record Totals(Money subtotal, Money discount, Money shipping, Money tax, Money grandTotal) {
    }

    public record CartUpdated(UUID cartId, String customerId, String status, String currency, long version,
                              List<Line> lines, Totals totals, boolean taxEstimated, Instant lastActivityAt) {
    }

    private final Outbox outbox;

    public CartEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void updated(CartView view) {
        Cart cart = view.cart();
        outbox.record(Topics.CART, UPDATED, cart.id().toString(), payload(view));
    }

    public void abandoned(CartView view) {
        Cart cart = view.cart();
        String currency = cart.currency();
        outbox.record(Topics.CART, ABANDONED, cart.id().toString(), new CartAbandoned(cart.id(), cart.customerId(),
                cart.email(), cart.lines().stream().map(line -> new AbandonedLine(line.sku(), line.name(), line.quantity(),
                        money(line.unitPrice(), currency))).toList(),
                money(view.priced().totals().grandTotal(), currency), cart.lastActivityAt()));
    }

    static CartUpdated payload(CartView view) {
        Cart cart = view.cart();
        PricedCart priced = view.priced();
        String currency = cart.currency();
        List<Line> lines = cart.lines().stream().map(line -> line(line, priced.line(line.id()), currency)).toList();
        PricedCart.Totals totals = priced.totals();
        return new CartUpdated(cart.id(), cart.customerId(), cart.status().name(), currency, cart.version(), lines,
                new Totals(money(totals.subtotal(), currency), money(totals.discount(), currency),
                        money(totals.shipping(), currency), money(totals.tax(), currency),
                        money(totals.grandTotal(), currency)),
                view.taxEstimated(), cart.lastActivityAt());
    }

    private static Line line(CartLine line, PricedCart.Line priced, String currency) {
        return new Line(line.id(), line.sku(), line.quantity(), money(line.unitPrice(), currency),
                money(priced.total(), currency), line.available());
    }

    private static Money money(BigDecimal amount, String currency) {
        return Money.of(amount, currency);
    }
}
