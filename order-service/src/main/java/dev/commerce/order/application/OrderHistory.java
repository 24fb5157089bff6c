package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Reading orders: a customer sees their own, an admin all. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderHistory {

    private final OrderRepository orders;

    public OrderHistory(OrderRepository orders) {
        this.orders = orders;
    }

    /** {@code customerId} null means every customer's orders (admin). */
    public Page<Order> list(String customerId, PageParams page) {
        return Page.fromLookahead(orders.pageNewestFirst(customerId, TimeAndIdPosition.decode(page), page.limit + 1),
                page.limit, order -> new TimeAndIdPosition(order.placedAt(), order.id()).cursor());
    }

    /** The order if the caller may see it; another customer's order answers 404 like an unknown one. */
    public Order get(UUID id, String customerId) {
        return orders.findByIdOptional(id)
                .filter(order -> customerId == null || order.belongsTo(customerId))
                .orElseThrow(() -> ProblemException.notFound("order", id));
    }
}
