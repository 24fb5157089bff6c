package dev.commerce.customer.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of a request whose outcome arrives by mail, the same whether or not the address has an account. */
@Schema(name = "Accepted")
public record AcceptedResponse(
        @Schema(examples = "If the address can be used, a mail is on its way to it.") String message) {
}
