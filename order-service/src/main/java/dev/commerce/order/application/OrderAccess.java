package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and act on an order: its customer, the back office (admins; partners read), and for a guest's order
 * whoever holds its order token. Anyone else gets 404, as for an unknown order, so order ids reveal nothing.
 */
@ApplicationScoped
public class OrderAccess {

    private final OrderRepository orders;
    private final OrderTokens tokens;

    public OrderAccess(OrderRepository orders, OrderTokens tokens) {
        this.orders = orders;
        this.tokens = tokens;
    }

    public Order visible(UUID orderId, Caller caller) {
        return orders.byId(orderId).filter(order -> mayRead(order, caller)).orElseThrow(() -> notFound(orderId));
    }

    /** The order, row-locked, if the caller may act on it as its shopper or as an admin (partners only read). */
    public Order lockedForChange(UUID orderId, Caller caller) {
        Optional<Order> order = orders.lock(orderId).filter(found -> mayRead(found, caller));
        if (order.isPresent() && caller.partner() && !caller.admin()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "partners read orders; they do not change them");
        }
        return order.orElseThrow(() -> notFound(orderId));
    }

    boolean mayRead(Order order, Caller caller) {
        if (caller.backOffice()) {
            return true;
        }
        if (caller.customerId() != null && order.belongsTo(caller.customerId())) {
            return true;
        }
        // tokens are only ever issued for guest orders; one stays good after its order joined the guest's new account
        return tokens.matches(order.id(), caller.orderToken());
    }

    private static ProblemException notFound(UUID orderId) {
        return ProblemException.notFound("order", orderId);
    }
}
