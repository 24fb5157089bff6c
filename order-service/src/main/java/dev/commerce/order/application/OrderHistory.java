package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.OrderStatusChange;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.order.persistence.OrderTimeline;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading orders: a customer sees their own, the back office all, a guest the one their order token opens. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderHistory {

    /** An order with every status change it went through, oldest first. */
    public record OrderDetails(Order order, List<OrderStatusChange> timeline) {
    }

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderAccess access;

    public OrderHistory(OrderRepository orders, OrderTimeline timeline, OrderAccess access) {
        this.orders = orders;
        this.timeline = timeline;
        this.access = access;
    }

    /** {@code customerId} null means every customer's orders (back office). */
    public Page<Order> list(String customerId, PageParams page) {
        return Page.fromLookahead(orders.pageNewestFirst(customerId, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, order -> new TimeAndIdPosition(order.placedAt(), order.id()).cursor());
    }

    /** The order if the caller may see it; anyone else's answers 404 like an unknown one. */
    public OrderDetails get(UUID id, Caller caller) {
        Order order = access.visible(id, caller);
        return new OrderDetails(order, timeline.of(id));
    }

    public OrderDetails details(Order order) {
        return new OrderDetails(order, timeline.of(order.id()));
    }
}
