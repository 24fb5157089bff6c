package dev.commerce.order.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.order.client.CartHandOff;
import dev.commerce.order.domain.Order;
import dev.commerce.order.messaging.OrderEvents;
import dev.commerce.order.persistence.OrderLineRepository;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.platform.web.persistence.AdvisoryLocks;
import dev.commerce.platform.web.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /orders}: a cart becomes an order. The order id is derived from the caller and the Idempotency-Key, so a
 * retry finds the order, or repeats the hand-off (idempotent per order id at cart-service) and creates it then. The
 * hand-off runs outside any transaction; the order and its {@code order-placed} commit together.
 */
@ApplicationScoped
public class Checkout {

    /** Advisory lock space of checkouts: two requests with the same key create the order once. */
    private static final int CHECKOUT_LOCKS = 0x0c4ec0;

    public record PlaceOrder(UUID cartId, String paymentMethod, String idempotencyKey, Caller caller) {

        /** The id the order gets, known before it exists (a retry of the same checkout names the same order). */
        public UUID orderId() {
            return caller.orderIdFor(cartId, idempotencyKey);
        }
    }

    /** The order, whether this call created it (false: a retry), and the guest's order token (null for a customer). */
    public record Placed(Order order, boolean created, String orderToken) {
    }

    private final CartHandOff cart;
    private final OrderRepository orders;
    private final OrderLineRepository lines;
    private final OrderEvents events;
    private final OrderSagaSteps saga;
    private final OrderTokens tokens;
    private final AdvisoryLocks locks;
    private final ObjectMapper json;
    private final Clock clock;

    public Checkout(CartHandOff cart, OrderRepository orders, OrderLineRepository lines, OrderEvents events, OrderSagaSteps saga, OrderTokens tokens,
                    AdvisoryLocks locks, ObjectMapper json, Clock clock) {
        this.cart = cart;
        this.orders = orders;
        this.lines = lines;
        this.events = events;
        this.saga = saga;
        this.tokens = tokens;
        this.locks = locks;
        this.json = json;
        this.clock = clock;
    }

    public Placed place(PlaceOrder request) {
        Caller caller = request.caller();
        UUID orderId = request.orderId();
        Optional<Order> known = QuarkusTransaction.joiningExisting().call(() -> orders.byId(orderId));
        if (known.isPresent()) {
            return retried(known.get(), request);
        }
        String snapshot = cart.handOff(request.cartId(), orderId, caller.customerId());
        HandedOffCart handedOff = HandedOffCart.read(json, snapshot);
        if (!orderId.equals(handedOff.orderId()) || !request.cartId().equals(handedOff.cartId())) {
            throw new IllegalStateException("cart-service answered the snapshot of another checkout for order " + orderId);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            locks.lock(CHECKOUT_LOCKS, orderId);
            Optional<Order> raced = orders.byId(orderId);
            if (raced.isPresent()) {
                return retried(raced.get(), request);
            }
            Order order = Order.place(new Order.Placement(orderId, orders.nextOrderNumber(), caller.customerId(),
                    handedOff.email(), request.cartId(), handedOff.currency(),
                    handedOff.totals().grandTotal().value("totals.grandTotal"), request.paymentMethod(), snapshot),
                    clock.instant());
            orders.add(order);
            lines.add(handedOff.orderLines(orderId));
            events.placed(order);
            saga.placed(order);
            return new Placed(order, true, tokenFor(order));
        });
    }

    /** The same key again: the same order, if it is the same checkout (a key reused for another cart is refused). */
    private Placed retried(Order order, PlaceOrder request) {
        if (!order.cartId().equals(request.cartId())) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key already placed an order from another cart; use a new key for a new checkout");
        }
        return new Placed(order, false, tokenFor(order));
    }

    private String tokenFor(Order order) {
        return order.isGuestOrder() ? tokens.tokenOf(order.id()) : null;
    }
}
