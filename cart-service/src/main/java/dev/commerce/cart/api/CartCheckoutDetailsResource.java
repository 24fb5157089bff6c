package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.cart.application.CartCheckoutDetails;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.web.http.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/** A cart's checkout details: email and addresses, and the shipping method among those that ship it. */
@Path("/carts/{cartId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts")
@PermitAll
public class CartCheckoutDetailsResource {

    @Schema(name = "CartAddresses")
    public record AddressesRequest(
            @Email @Size(max = 254) @Schema(description = "Required for a guest cart", examples = "ada@example.com") String email,
            @NotNull @Valid AddressBody shippingAddress,
            @Valid @Schema(description = "Defaults to the shipping address") AddressBody billingAddress,
            @Size(max = 35) @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
            @Schema(description = "The shopper's language (BCP 47) for the order's mails", examples = "de-DE") String locale) {
    }

    @Schema(name = "CartShippingMethodChoice")
    public record ShippingMethodRequest(@NotNull UUID methodId) {
    }

    @Schema(name = "EligibleShippingMethod")
    public record EligibleMethod(UUID id, @Schema(examples = "Standard") String name, Money price) {
    }

    @Schema(name = "EligibleShippingMethods")
    public record EligibleMethods(@Schema(examples = "DE", description = "The destination the methods were chosen for") String country,
                                  @Schema(description = "True: the deployment's default country, the cart has no address yet")
                                  boolean estimated, List<EligibleMethod> items) {
    }

    private final CartCheckoutDetails details;
    private final CallingShopper caller;
    private final HttpHeaders headers;

    public CartCheckoutDetailsResource(CartCheckoutDetails details, CallingShopper caller, HttpHeaders headers) {
        this.details = details;
        this.caller = caller;
        this.headers = headers;
    }

    @PUT
    @Path("/addresses")
    @Operation(operationId = "setCartAddresses", summary = "Set email, shipping and billing address",
            description = "The shipping country decides the tax (taxEstimated becomes false) and the shipping methods; a "
                    + "chosen method that does not ship there is cleared, and the answer's notices say so.")
    @APIResponse(responseCode = "200", description = "The cart", content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (a guest cart without email)")
    @APIResponse(responseCode = "409", description = "The cart is not open")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response setAddresses(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Valid @NotNull AddressesRequest request) {
        return CartResource.ok(details.setAddresses(cartId, caller.shopper(), precondition(), request.email(),
                request.shippingAddress().toAddress(),
                request.billingAddress() == null ? null : request.billingAddress().toAddress(), request.locale()));
    }

    @GET
    @Path("/shipping-methods")
    @Operation(operationId = "listCartShippingMethods", summary = "Shipping methods that can ship this cart, with their price")
    public EligibleMethods shippingMethods(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId) {
        CartCheckoutDetails.Eligible eligible = details.eligibleMethods(cartId, caller.shopper());
        return new EligibleMethods(eligible.country(), eligible.estimated(), eligible.quotes().stream()
                .map(quote -> new EligibleMethod(quote.method().id(), quote.method().name(),
                        Money.of(quote.price(), eligible.currency()))).toList());
    }

    @PUT
    @Path("/shipping-method")
    @Operation(operationId = "chooseCartShippingMethod", summary = "Choose the shipping method")
    @APIResponse(responseCode = "200", description = "The cart with the method and its price",
            content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "422", description = "shipping-method-not-eligible")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response chooseShippingMethod(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Valid @NotNull ShippingMethodRequest request) {
        return CartResource.ok(details.chooseShippingMethod(cartId, caller.shopper(), precondition(), request.methodId()));
    }

    private LongConsumer precondition() {
        return version -> Versions.matchIfPresent(headers, version);
    }
}
