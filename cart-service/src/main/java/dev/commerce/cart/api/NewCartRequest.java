package dev.commerce.cart.api;

import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewCart")
public record NewCartRequest(
        @NotNull @CurrencyCode @Schema(description = "ISO 4217 currency of the cart's prices", examples = "EUR") String currency) {
}
