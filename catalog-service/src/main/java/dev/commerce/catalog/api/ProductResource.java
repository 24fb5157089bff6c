package dev.commerce.catalog.api;

import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import dev.commerce.catalog.application.ProductCatalog;
import dev.commerce.catalog.domain.Product;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.commerce.catalog.domain.ShopLocales;

import java.util.UUID;

/** The merchant's product management (role admin). Every change is announced on catalog.product.v1. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Transactional // the response is read from the product inside the transaction that loaded it
@Tag(name = "Products (admin)", description = "Create, update, price and archive products and their variants")
public class ProductResource {

    private final ProductCatalog catalog;
    private final ShopLocales locales;

    public ProductResource(ProductCatalog catalog, ShopLocales locales) {
        this.catalog = catalog;
        this.locales = locales;
    }

    @POST
    @Idempotent
    @Operation(operationId = "createProduct", summary = "Create a product with its variants", description = "Honours Idempotency-Key.")
    @Parameter(in = ParameterIn.HEADER, name = IdempotencyInterceptor.HEADER, description = IdempotencyInterceptor.KEY_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProductResponses.Admin.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown categories or related products")
    @APIResponse(responseCode = "409", description = "Slug (in its locale) or SKU taken")
    public Response create(@Valid @NotNull ProductRequests.Definition request, @Context UriInfo uri) {
        Product product = catalog.create(request.toDraft(locales));
        return Response.created(uri.getAbsolutePathBuilder().path(product.id().toString()).build())
                .tag(Versions.etag(product.version())).entity(ProductResponses.Admin.of(product)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProduct", summary = "A product in any status, with every price")
    @APIResponse(responseCode = "200", description = "The product, its version as ETag", content = @Content(schema = @Schema(implementation = ProductResponses.Admin.class)))
    public Response get(@Parameter(description = "The product's id") @PathParam("id") UUID id) {
        return admin(catalog.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateProduct", summary = "Replace a product's description and variants",
            description = "Variants are matched by SKU (kept SKUs keep their ids). If-Match with the ETag guards against lost updates.")
    @APIResponse(responseCode = "200", description = "The product, its version as ETag", content = @Content(schema = @Schema(implementation = ProductResponses.Admin.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response update(@Parameter(description = "The product's id") @PathParam("id") UUID id, @Valid @NotNull ProductRequests.Definition request,
                           @Parameter(hidden = true) @Context HttpHeaders headers) {
        return admin(catalog.update(id, request.toDraft(locales), version -> Versions.requireMatch(headers, version)));
    }

    @PUT
    @Path("/{id}/variants/{variantId}/prices")
    @Operation(operationId = "setVariantPrices", summary = "Set a variant's prices", description = "One per currency; replaces the variant's prices.")
    @APIResponse(responseCode = "200", description = "The product, its version as ETag", content = @Content(schema = @Schema(implementation = ProductResponses.Admin.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response setPrices(@Parameter(description = "The product's id") @PathParam("id") UUID id, @Parameter(description = "The variant's id") @PathParam("variantId") UUID variantId,
                              @Valid @NotNull ProductRequests.Prices request,
                              @Parameter(hidden = true) @Context HttpHeaders headers) {
        return admin(catalog.setPrices(id, variantId, ProductRequests.prices(request.prices(), "prices"),
                version -> Versions.requireMatch(headers, version)));
    }

    @POST
    @Path("/{id}/archive")
    @Operation(operationId = "archiveProduct", summary = "Archive a product", description = "Hidden from shoppers for good; idempotent.")
    @APIResponse(responseCode = "200", description = "The archived product", content = @Content(schema = @Schema(implementation = ProductResponses.Admin.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response archive(@Parameter(description = "The product's id") @PathParam("id") UUID id, @Parameter(hidden = true) @Context HttpHeaders headers) {
        return admin(catalog.archive(id, version -> Versions.requireMatch(headers, version)));
    }

    private static Response admin(Product product) {
        return Response.ok(ProductResponses.Admin.of(product)).tag(Versions.etag(product.version())).build();
    }
}
