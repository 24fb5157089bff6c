package dev.commerce.order.api;

import dev.commerce.order.domain.OrderSearch;
import dev.commerce.order.domain.saga.SagaStatus;
import dev.commerce.platform.web.problem.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** {@code GET /orders} filters; each is optional. Invalid values are 400 problems naming the parameter. */
public class OrderSearchParams {

    @QueryParam("status")
    @Parameter(description = "Only orders in this status", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"PENDING", "AWAITING_PAYMENT", "ACTION_REQUIRED", "PAYMENT_FAILED", "CONFIRMED", "SHIPPED",
                    "DELIVERED", "CANCELLED"}))
    public String status;

    @QueryParam("from")
    @Parameter(description = "Placed at or after this instant (ISO 8601, e.g. 2026-12-01T00:00:00Z)")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Placed before this instant (ISO 8601, exclusive)")
    public String to;

    @QueryParam("customerId")
    @Size(max = 255)
    @Parameter(description = "Only this customer's orders (back office; a customer may name only themselves)")
    public String customerId;

    @QueryParam("number")
    @Size(max = 32)
    @Parameter(description = "The order with this number, e.g. C-100001")
    public String number;

    OrderSearch toSearch() {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProblemException.invalidField("to", "must be after from");
        }
        return new OrderSearch(status(), since, until, blankToNull(customerId), blankToNull(number));
    }

    private SagaStatus status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SagaStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(SagaStatus.values()));
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "must be an ISO 8601 instant such as 2026-12-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
