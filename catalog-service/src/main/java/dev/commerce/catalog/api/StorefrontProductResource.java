package dev.commerce.catalog.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.commerce.catalog.application.ProductCatalog;
import dev.commerce.platform.web.problem.Problem;
import dev.commerce.platform.web.validation.CurrencyCode;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What shoppers read, anonymously: active products only, priced in the requested currency. Responses carry a
 * strong ETag of their exact content and may be cached briefly; {@code If-None-Match} answers 304.
 */
@Path("/storefront/products")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Storefront", description = "Anonymous reads of active products")
public class StorefrontProductResource {

    static final int MAX_AGE_SECONDS = 60;

    private final ProductCatalog catalog;
    private final ObjectMapper json;

    public StorefrontProductResource(ProductCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @GET
    @Path("/{idOrSlug}")
    @Operation(summary = "An active product by id or slug, priced in a currency")
    @APIResponse(responseCode = "200", description = "The product",
            content = @Content(schema = @Schema(implementation = ProductResponses.Shop.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No active product with this id or slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("idOrSlug") String idOrSlug,
                        @Parameter(description = "ISO 4217 code of the prices shown", required = true)
                        @QueryParam("currency") @NotNull @CurrencyCode String currency,
                        @Context Request request) throws JsonProcessingException {
        String body = json.writeValueAsString(ProductResponses.Shop.of(catalog.visible(idOrSlug), currency));
        return cacheable(body, request);
    }

    /** 304 when the client holds this exact content, else the content with its ETag and caching headers. */
    static Response cacheable(String body, Request request) {
        EntityTag tag = new EntityTag(sha256(body));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged
                : Response.ok(body, MediaType.APPLICATION_JSON_TYPE);
        return response.tag(tag).cacheControl(cache).build();
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
