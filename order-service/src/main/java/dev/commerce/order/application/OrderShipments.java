package dev.commerce.order.application;

import dev.commerce.order.domain.Order;
import dev.commerce.order.domain.fulfillment.Fulfillment;
import dev.commerce.order.domain.fulfillment.OrderLine;
import dev.commerce.order.domain.fulfillment.Shipment;
import dev.commerce.order.domain.fulfillment.SkuQuantity;
import dev.commerce.order.domain.saga.SagaEvent;
import dev.commerce.order.messaging.OrderEvents;
import dev.commerce.order.persistence.OrderLineRepository;
import dev.commerce.order.persistence.OrderRepository;
import dev.commerce.order.persistence.ShipmentRepository;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Shipments of a confirmed order (the back office): each takes units off the order's lines, moves the order to
 * SHIPPED at the first one, and emits {@code order-shipped} with the amount payment-service captures
 * ({@link Fulfillment} has the rule); each delivery emits {@code order-delivered}, and the order is DELIVERED when
 * every unit is. payment-service's {@code payment-captured} is recorded on the order.
 */
@ApplicationScoped
public class OrderShipments {

    public record ShipmentRequest(List<SkuQuantity> lines, String carrier, String trackingNumber, String idempotencyKey) {
    }

    /** The shipment and whether this call created it (false: a retry with the same Idempotency-Key). */
    public record Shipped(Shipment shipment, boolean created) {
    }

    private final OrderAccess access;
    private final OrderRepository orders;
    private final OrderLineRepository lines;
    private final ShipmentRepository shipments;
    private final OrderSagaSteps saga;
    private final OrderEvents events;
    private final Clock clock;

    public OrderShipments(OrderAccess access, OrderRepository orders, OrderLineRepository lines, ShipmentRepository shipments,
                          OrderSagaSteps saga, OrderEvents events, Clock clock) {
        this.access = access;
        this.orders = orders;
        this.lines = lines;
        this.shipments = shipments;
        this.saga = saga;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Shipped ship(UUID orderId, ShipmentRequest request, Caller admin) {
        Order order = access.lockedForChange(orderId, admin);
        UUID shipmentId = request.idempotencyKey() == null ? UUID.randomUUID()
                : OrderIds.nameBased("shipment:" + orderId + "\n" + request.idempotencyKey());
        Optional<Shipment> known = shipments.byId(shipmentId);
        if (known.isPresent()) {
            known.get().requireSameAs(request.lines());
            return new Shipped(known.get(), false);
        }
        Instant now = clock.instant();
        boolean first = !shipments.anyOf(orderId);
        saga.apply(order, new SagaEvent.FirstShipmentSent(), now); // refuses an order that may not ship
        List<OrderLine> orderLines = lines.of(orderId);
        BigDecimal capture = Fulfillment.ship(orderLines, request.lines(), first, order.grandTotal(), order.currency());
        Shipment shipment = new Shipment(shipmentId, orderId, request.carrier(), request.trackingNumber(), request.lines(),
                capture, order.currency(), now);
        shipments.add(shipment);
        events.shipped(order, shipment);
        return new Shipped(shipment, true);
    }

    /** The carrier delivered the shipment; a repeated report changes nothing. */
    @Transactional
    public Shipment deliver(UUID orderId, UUID shipmentId, Caller admin) {
        Order order = access.lockedForChange(orderId, admin);
        Shipment shipment = shipments.byId(shipmentId).filter(found -> found.orderId().equals(orderId))
                .orElseThrow(() -> ProblemException.notFound("shipment", shipmentId));
        Instant now = clock.instant();
        if (!shipment.delivered(now)) {
            return shipment;
        }
        List<OrderLine> orderLines = lines.of(orderId);
        Fulfillment.deliver(orderLines, shipment.lines());
        order.deliveredAt(now);
        events.delivered(order, shipment);
        if (Fulfillment.everyLineDelivered(orderLines)) {
            saga.apply(order, new SagaEvent.EveryLineDelivered(), now);
        }
        return shipment;
    }

    /** payment-service captured money for the order (a shipment's amount). */
    @Transactional
    public void captured(UUID orderId, BigDecimal amount) {
        orders.lock(orderId).ifPresent(order -> order.captured(amount, clock.instant()));
    }

    /** The order's shipments, if the caller may see the order (404 otherwise, as for an unknown one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Shipment> of(UUID orderId, Caller caller) {
        access.visible(orderId, caller);
        return shipments.of(orderId);
    }
}
