package dev.commerce.order.domain;

import dev.commerce.order.domain.saga.SagaStatus;

import java.time.Instant;

/**
 * Which orders a listing holds; every member is optional (null: any). {@code from} is inclusive and {@code to}
 * exclusive, on the time the order was placed.
 */
public record OrderSearch(SagaStatus status, Instant from, Instant to, String customerId, String number) {

    public static OrderSearch ofCustomer(String customerId) {
        return new OrderSearch(null, null, null, customerId, null);
    }

    /** The same search, restricted to one customer's orders. */
    public OrderSearch forCustomer(String customer) {
        return new OrderSearch(status, from, to, customer, number);
    }
}
