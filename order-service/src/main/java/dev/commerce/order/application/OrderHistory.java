package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderSearch;
import dev.commerce.order.domain.OrderStatusChange;
import dev.commerce.order.domain.fulfillment.OrderLine;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.order.domain.fulfillment.Shipment;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.order.persistence.OrderLineRepository;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.order.persistence.OrderTimeline;
import dev.commerce.order.persistence.ReturnRepository;
import dev.commerce.order.persistence.ShipmentRepository;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading orders: a customer sees their own, the back office all, a guest the one their order token opens. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderHistory {

    /** An order with every status change it went through, oldest first. */
    public record OrderDetails(Order order, List<OrderStatusChange> timeline, List<OrderLine> lines, List<Shipment> shipments,
                               List<OrderReturn> returns) {
    }

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderAccess access;
    private final OrderLineRepository lines;
    private final ShipmentRepository shipments;
    private final ReturnRepository returns;

    public OrderHistory(OrderRepository orders, OrderTimeline timeline, OrderAccess access, OrderLineRepository lines,
                        ShipmentRepository shipments, ReturnRepository returns) {
        this.orders = orders;
        this.lines = lines;
        this.shipments = shipments;
        this.returns = returns;
        this.timeline = timeline;
        this.access = access;
    }

    /**
     * The orders the search matches, newest first: a customer's listing holds only their own (asking for another
     * customer's is 403), the back office's every customer's.
     */
    public Page<Order> list(OrderSearch search, Caller caller, PageParams page) {
        if (!caller.backOffice()) {
            if (search.customerId() != null && !search.customerId().equals(caller.customerId())) {
                throw new ProblemException(403, "forbidden", "Forbidden", "a customer lists only their own orders");
            }
            search = search.forCustomer(caller.customerId());
        }
        return Page.fromLookahead(orders.pageNewestFirst(search, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, order -> new TimeAndIdPosition(order.placedAt(), order.id()).cursor());
    }

    /** The order if the caller may see it; anyone else's answers 404 like an unknown one. */
    public OrderDetails get(UUID id, Caller caller) {
        return details(access.visible(id, caller));
    }

    /** The order as it is now, with its details, read in one transaction (one commit instead of one per read). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OrderDetails current(UUID id) {
        return details(orders.byId(id).orElseThrow());
    }

    /**
     * The order with its timeline, lines, shipments and returns; an order that has not shipped has neither shipments
     * nor returns, so the checkout's answer (on the hot path) does not look for them.
     */
    public OrderDetails details(Order order) {
        UUID id = order.id();
        boolean shipped = order.status() == SagaStatus.SHIPPED || order.status() == SagaStatus.DELIVERED;
        return new OrderDetails(order, timeline.of(id), lines.of(id), shipped ? shipments.of(id) : List.of(),
                shipped ? returns.of(id) : List.of());
    }
}
