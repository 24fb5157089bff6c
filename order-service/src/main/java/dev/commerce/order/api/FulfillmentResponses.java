package dev.commerce.order.api;

import dev.commerce.platform.domain.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.order.domain.fulfillment.OrderReturn;
import dev.commerce.order.domain.fulfillment.Shipment;
import dev.commerce.order.domain.fulfillment.SkuQuantity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Shipments and returns as the back office and the shopper's app read them. */
final class FulfillmentResponses {

    private FulfillmentResponses() {
    }

    @Schema(name = "Units")
    record Units(@Schema(examples = "TR-42-BLU") String sku, @Schema(examples = "1") int quantity) {
        static List<Units> of(List<SkuQuantity> lines) {
            return lines.stream().map(line -> new Units(line.sku(), line.quantity())).toList();
        }
    }

    @Schema(name = "Shipment")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShipmentView(UUID id, UUID orderId, @Schema(examples = "DHL") String carrier, @Schema(examples = "00340434161094042557") String trackingNumber, List<Units> lines,
                        @Schema(description = "What payment-service captures for this shipment: its units' share of their "
                                + "lines, plus the shipping on the first shipment") Money captureAmount,
                        Instant shippedAt, @Schema(description = "Null until the carrier delivered it") Instant deliveredAt) {
        static ShipmentView of(Shipment shipment) {
            return new ShipmentView(shipment.id(), shipment.orderId(), shipment.carrier(), shipment.trackingNumber(),
                    Units.of(shipment.lines()), OrderResponse.money(shipment.captureAmount(), shipment.currency()),
                    shipment.shippedAt(), shipment.deliveredAt());
        }
    }

    @Schema(name = "Return")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReturnView(UUID id, UUID orderId, OrderReturn.Status status, @Schema(examples = "Too small") String reason, List<Units> lines,
                      @Schema(description = "The returned units' share of their lines; shipping is not refunded")
                      Money refundAmount, Instant requestedAt, Instant receivedAt, Instant refundedAt,
                      @Schema(examples = "2") long version) {
        static ReturnView of(OrderReturn orderReturn) {
            return new ReturnView(orderReturn.id(), orderReturn.orderId(), orderReturn.status(), orderReturn.reason(),
                    Units.of(orderReturn.lines()), OrderResponse.money(orderReturn.refundAmount(), orderReturn.currency()),
                    orderReturn.requestedAt(), orderReturn.receivedAt(), orderReturn.refundedAt(), orderReturn.version());
        }
    }
}
