package dev.commerce.order.application;

import java.util.UUID;

/** Fired inside a transaction that changed an order; observers act once it committed. */
public record OrderChanged(UUID orderId) {
}
