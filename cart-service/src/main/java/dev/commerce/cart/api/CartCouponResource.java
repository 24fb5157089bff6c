package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.cart.application.CartCoupons;
import dev.commerce.platform.web.http.Versions;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
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

import java.util.UUID;

/** Promotion codes on a cart. */
@Path("/carts/{cartId}/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Carts")
@PermitAll
public class CartCouponResource {

    @Schema(name = "CartCoupon")
    public record CouponRequest(@NotBlank @Size(max = 64) @Schema(examples = "WELCOME10") String code) {
    }

    private final CartCoupons coupons;
    private final CallingShopper caller;
    private final HttpHeaders headers;

    public CartCouponResource(CartCoupons coupons, CallingShopper caller, HttpHeaders headers) {
        this.coupons = coupons;
        this.caller = caller;
        this.headers = headers;
    }

    @POST
    @Operation(operationId = "addCartCoupon", summary = "Apply a promotion code",
            description = "Codes are case-insensitive. A valid code whose conditions the cart does not meet yet is kept: the "
                    + "cart's coupons entry says what is missing (\"add 12.00 EUR more\").")
    @APIResponse(responseCode = "200", description = "The cart with the code", content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @APIResponse(responseCode = "422", description = "coupon-invalid, coupon-expired, coupon-not-started or coupon-used-up")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response add(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Valid @NotNull CouponRequest request) {
        return CartResource.ok(coupons.add(cartId, caller.shopper(), version -> Versions.matchIfPresent(headers, version),
                request.code()));
    }

    @DELETE
    @Path("/{code}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removeCartCoupon", summary = "Remove a promotion code")
    @APIResponse(responseCode = "200", description = "The cart without the code", content = @Content(schema = @Schema(implementation = CartResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, description = "The cart's ETag: answers 412 if the cart changed since",
            schema = @Schema(type = SchemaType.STRING))
    public Response remove(@Parameter(description = "The cart's id") @PathParam("cartId") UUID cartId, @Parameter(description = "The coupon code, as applied") @PathParam("code") String code) {
        return CartResource.ok(coupons.remove(cartId, caller.shopper(), version -> Versions.matchIfPresent(headers, version), code));
    }
}
