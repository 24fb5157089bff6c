package dev.commerce.order.domain;

import dev.commerce.order.domain.saga.SagaStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One entry of an order's timeline: the status it reached, when, and why (a decline reason, a cancel reason...). */
@Entity
@Table(name = "order_status_change")
public class OrderStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_id")
    private UUID orderId;
    @Enumerated(EnumType.STRING)
    private SagaStatus status;
    private String detail;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected OrderStatusChange() {
        // for Hibernate
    }

    public OrderStatusChange(UUID orderId, SagaStatus status, String detail, Instant changedAt) {
        this.orderId = orderId;
        this.status = status;
        this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
        this.changedAt = changedAt;
    }

    public SagaStatus status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
