package dev.commerce.payment.api;

import dev.commerce.payment.domain.Payment;
import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the payment endpoints. */
public final class PaymentRequests {

    static final String DECIMAL = "[0-9]{1,15}(\\.[0-9]{1,4})?";

    private PaymentRequests() {
    }

    @Schema(name = "AmountRequest", description = "An amount of the payment's currency, e.g. for a partial capture or refund")
    public record Amount(@NotNull @Pattern(regexp = DECIMAL, message = "must be a positive decimal string such as \"12.34\"")
                         @Schema(examples = "40.00") String amount,
                         @NotNull @CurrencyCode @Schema(examples = "EUR") String currency,
                         @Size(max = 500) @Schema(examples = "Damaged on arrival") String reason) {
    }

    @Schema(name = "AuthenticationResult", description = "What the shopper's app got back from the strong authentication step")
    public record Authentication(@NotBlank @Size(max = 2000) @Schema(examples = "ok") String challengeResponse) {
    }

    @Schema(name = "ReviewDecision")
    public record Review(@NotNull Payment.ReviewDecision decision, @Schema(examples = "Customer confirmed the order by phone") @Size(max = 500) String note) {
    }
}
