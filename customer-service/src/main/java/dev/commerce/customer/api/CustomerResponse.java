package dev.commerce.customer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.commerce.customer.domain.Customer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer account as its owner and the back office see it. */
@Schema(name = "Customer")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerResponse(
        @Schema(examples = "4d2c9a1e-7b3f-4e5a-9c8d-1f0e2d3c4b5a") UUID id,
        @Schema(description = "Normalised: lower case", examples = "ana@example.com") String email,
        @Schema(examples = "Ana Kowalska") String name,
        @Schema(examples = "+48 600 100 200") String phone,
        @Schema(description = "Whether the customer proved they receive mail at the address") boolean emailVerified,
        Customer.Status status,
        @Schema(description = "Codes of the customer's groups", examples = "[\"vip\"]") List<String> groups,
        @Schema(description = "Orders of the customer order-service confirmed", examples = "3") int confirmedOrders,
        @Schema(examples = "Chargebacks on three orders", description = "Why the account is blocked (back office only)") String blockedReason,
        Instant createdAt,
        Instant updatedAt,
        @Schema(examples = "4", description = "Also the ETag; send it as If-Match to change the profile") long version) {

    static CustomerResponse ofOwn(Customer customer) {
        return of(customer, null);
    }

    static CustomerResponse forBackOffice(Customer customer) {
        return of(customer, customer.blockedReason());
    }

    private static CustomerResponse of(Customer customer, String blockedReason) {
        return new CustomerResponse(customer.id(), customer.email(), customer.name(), customer.phone(),
                customer.emailVerified(), customer.status(), customer.groups(), customer.confirmedOrders(), blockedReason, customer.createdAt(), customer.updatedAt(),
                customer.version());
    }
}
