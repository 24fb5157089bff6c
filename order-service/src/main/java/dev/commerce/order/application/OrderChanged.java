package dev.commerce.order.application;

import dev.commerce.order.domain.saga.SagaStatus;

import java.util.UUID;

/** Fired inside a transaction that changed an order, with its status then; observers act once it committed. */
public record OrderChanged(UUID orderId, SagaStatus status) {
}
