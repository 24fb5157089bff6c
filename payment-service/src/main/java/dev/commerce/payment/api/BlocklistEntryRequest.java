package dev.commerce.payment.api;

import dev.commerce.payment.domain.BlocklistEntry;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewBlocklistEntry")
public record BlocklistEntryRequest(
        @NotNull @Schema(examples = "EMAIL") BlocklistEntry.Kind kind,
        @NotBlank @Size(max = 255) @Schema(description = "The blocked value; never a card number, only a provider's "
                + "payment method fingerprint", examples = "fraudster@example.com") String value,
        @NotBlank @Size(max = 500) @Schema(examples = "Chargebacks on three orders") String reason) {
}
