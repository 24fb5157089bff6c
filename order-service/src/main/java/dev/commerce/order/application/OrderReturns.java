package dev.commerce.order.application;

import dev.commerce.order.config.OrderConfig;
import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.fulfillment.Fulfillment;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.order.domain.fulfillment.SkuQuantity;
import dev.commerce.order.messaging.OrderEvents;
import dev.commerce.order.persistence.OrderLineRepository;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.order.persistence.ReturnRepository;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The way back after a shipment: the shopper asks to return delivered units within the return window (they are set
 * aside at once, priced by {@link Fulfillment}); the back office confirms the goods arrived, which emits
 * {@code return-received} (inventory restocks, payment refunds); {@code payment-refunded} marks the return refunded.
 */
@ApplicationScoped
public class OrderReturns {

    private static final Logger LOG = Logger.getLogger(OrderReturns.class);

    public record ReturnRequest(List<SkuQuantity> lines, String reason, String idempotencyKey) {
    }

    private final OrderAccess access;
    private final OrderRepository orders;
    private final OrderLineRepository lines;
    private final ReturnRepository returns;
    private final OrderEvents events;
    private final OrderConfig config;
    private final Clock clock;

    public OrderReturns(OrderAccess access, OrderRepository orders, OrderLineRepository lines, ReturnRepository returns,
                        OrderEvents events, OrderConfig config, Clock clock) {
        this.access = access;
        this.orders = orders;
        this.lines = lines;
        this.returns = returns;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** By the order's customer, a guest with its token, or an admin. */
    @Transactional
    public OrderReturn request(UUID orderId, ReturnRequest request, Caller caller) {
        Order order = access.lockedForChange(orderId, caller);
        UUID returnId = request.idempotencyKey() == null ? UUID.randomUUID()
                : OrderIds.nameBased("return:" + orderId + "\n" + request.idempotencyKey());
        Optional<OrderReturn> known = returns.byId(returnId);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        order.requireReturnWindowOpen(config.returnWindow(), now);
        BigDecimal refund = Fulfillment.takeBack(lines.of(orderId), request.lines(), order.currency());
        OrderReturn orderReturn = new OrderReturn(returnId, orderId, request.reason(), request.lines(), refund,
                order.currency(), now);
        returns.add(orderReturn);
        events.returnRequested(order, orderReturn);
        return orderReturn;
    }

    /** The back office received the goods; a repeated receipt changes nothing. */
    @Transactional
    public OrderReturn receive(UUID returnId, Caller admin) {
        UUID orderId = returns.orderOf(returnId).orElseThrow(() -> ProblemException.notFound("return", returnId));
        Order order = access.lockedForChange(orderId, admin); // the order's lock orders concurrent receipts
        OrderReturn orderReturn = returns.byId(returnId).orElseThrow();
        if (orderReturn.received(clock.instant())) {
            events.returnReceived(order, orderReturn);
        }
        return orderReturn;
    }

    /**
     * payment-service refunded money for the order: the refund of a return ({@code refundId} is the return's id)
     * marks it refunded; any refund adds to the order's refunded amount.
     */
    @Transactional
    public void refunded(UUID orderId, UUID refundId, BigDecimal amount) {
        Optional<Order> order = orders.lock(orderId);
        if (order.isEmpty()) {
            LOG.warnf("payment-refunded for unknown order %s ignored", orderId);
            return;
        }
        Instant now = clock.instant();
        Optional<OrderReturn> refundedReturn = refundId == null ? Optional.empty()
                : returns.byId(refundId).filter(found -> found.orderId().equals(orderId));
        if (refundedReturn.isPresent() && !refundedReturn.get().refunded(now)) {
            return; // reported before
        }
        order.get().refunded(amount, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OrderReturn get(UUID returnId) {
        return returns.byId(returnId).orElseThrow(() -> ProblemException.notFound("return", returnId));
    }

    /** The back office's work list: newest first, by status (REQUESTED: goods to expect) and order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OrderReturn> list(OrderReturn.Status status, UUID orderId, PageParams page) {
        return Page.fromLookahead(returns.pageNewestFirst(status, orderId, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, found -> new TimeAndIdPosition(found.requestedAt(), found.id()).cursor());
    }
}
