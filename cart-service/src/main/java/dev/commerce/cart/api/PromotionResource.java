package dev.commerce.cart.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import dev.commerce.cart.application.PromotionAdministration;
import dev.commerce.cart.domain.Promotion;
import dev.commerce.cart.domain.PromotionCode;
import dev.commerce.cart.domain.promotion.PromotionAction;
import dev.commerce.platform.domain.Money;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admin API of promotions and their codes. Changes need If-Match. */
@Path("/promotions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promotions", description = "Automatic promotions and promotion codes")
@RolesAllowed(Roles.ADMIN)
public class PromotionResource {

    @Schema(name = "Promotion")
    public record PromotionResponse(UUID id, @Schema(examples = "10% off your first order") String name, @Schema(examples = "For new customers, with the code WELCOME10") String description, boolean automatic, boolean active,
                                    @Schema(examples = "100") int priority, boolean exclusive, boolean combinable, Instant startsAt, Instant endsAt,
                                    @Schema(examples = "1000") Integer usageLimit, @Schema(examples = "1") Integer perCustomerLimit, PromotionRequests.Conditions conditions,
                                    PromotionRequests.Action action,
                                    @Schema(examples = "3") long version, Instant createdAt) {
        static PromotionResponse of(Promotion promotion) {
            var conditions = promotion.conditions();
            PromotionAction action = promotion.action();
            return new PromotionResponse(promotion.id(), promotion.name(), promotion.description(), promotion.automatic(),
                    promotion.active(), promotion.priority(), promotion.exclusive(), promotion.combinable(),
                    promotion.startsAt(), promotion.endsAt(), promotion.usageLimit(), promotion.perCustomerLimit(),
                    new PromotionRequests.Conditions(money(conditions.minSubtotal()), conditions.minQuantity(),
                            conditions.firstOrder(), conditions.minConfirmedOrders(), conditions.customerGroups()),
                    new PromotionRequests.Action(action.type(), action.percent(), money(action.amounts()),
                            new PromotionRequests.Target(action.target().skus(), action.target().productIds(),
                                    action.target().categoryIds()), action.buyQuantity(), action.getQuantity(),
                            action.tiers().stream().map(tier -> new PromotionRequests.Tier(money(tier.thresholds()),
                                    tier.percent(), money(tier.amounts()))).toList()),
                    promotion.version(), promotion.createdAt());
        }

        private static List<Money> money(Map<String, BigDecimal> amounts) {
            return amounts.entrySet().stream().map(entry -> Money.of(entry.getValue(), entry.getKey())).toList();
        }
    }

    @Schema(name = "PromotionCode")
    public record CodeResponse(@Schema(examples = "WELCOME10") String code, UUID promotionId, @Schema(examples = "500") Integer usageLimit) {
        static CodeResponse of(PromotionCode code) {
            return new CodeResponse(code.code(), code.promotionId(), code.usageLimit());
        }
    }

    private final PromotionAdministration promotions;
    private final HttpHeaders headers;

    public PromotionResource(PromotionAdministration promotions, HttpHeaders headers) {
        this.promotions = promotions;
        this.headers = headers;
    }

    @GET
    @Operation(operationId = "listPromotions", summary = "List promotions", description = "By priority (lower first).")
    public List<PromotionResponse> list() {
        return promotions.list().stream().map(PromotionResponse::of).toList();
    }

    @POST
    @Operation(operationId = "createPromotion", summary = "Create a promotion")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = PromotionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response create(@Valid @NotNull PromotionRequests.PromotionRequest request, @Context UriInfo uri) {
        Promotion promotion = promotions.create(request.definition());
        return Response.created(uri.getAbsolutePathBuilder().path(promotion.id().toString()).build())
                .tag(Versions.etag(promotion.version())).entity(PromotionResponse.of(promotion)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPromotion", summary = "Get a promotion")
    @APIResponse(responseCode = "200", description = "The promotion, its version as ETag", content = @Content(schema = @Schema(implementation = PromotionResponse.class)))
    public Response get(@Parameter(description = "The promotion's id") @PathParam("id") UUID id) {
        Promotion promotion = promotions.find(id);
        return Response.ok(PromotionResponse.of(promotion)).tag(Versions.etag(promotion.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "changePromotion", summary = "Replace a promotion's definition", description = "Needs If-Match.")
    @APIResponse(responseCode = "412", description = "Stale If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    @APIResponse(responseCode = "200", description = "The changed promotion, its new version as ETag", content = @Content(schema = @Schema(implementation = PromotionResponse.class)))
    @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = true, description = Versions.IF_MATCH_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    public Response change(@Parameter(description = "The promotion's id") @PathParam("id") UUID id, @Valid @NotNull PromotionRequests.PromotionRequest request) {
        Promotion promotion = promotions.change(id, version -> Versions.requireMatch(headers, version), request.definition());
        return Response.ok(PromotionResponse.of(promotion)).tag(Versions.etag(promotion.version())).build();
    }

    @POST
    @Path("/{id}/codes")
    @Operation(operationId = "addPromotionCode", summary = "Add a code to a promotion")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CodeResponse.class)))
    @APIResponse(responseCode = "409", description = "code-exists")
    public Response addCode(@Parameter(description = "The promotion's id") @PathParam("id") UUID id, @Valid @NotNull PromotionRequests.CodeRequest request) {
        return Response.status(201).entity(CodeResponse.of(promotions.addCode(id, request.code(), request.usageLimit()))).build();
    }

    @POST
    @Path("/{id}/codes/generate")
    @Operation(operationId = "generatePromotionCodes", summary = "Generate unique single-use codes")
    @APIResponse(responseCode = "201", description = "The generated codes",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CodeResponse.class)))
    public Response generate(@Parameter(description = "The promotion's id") @PathParam("id") UUID id, @Valid @NotNull PromotionRequests.GenerateRequest request) {
        List<CodeResponse> codes = promotions.generateCodes(id, request.count(), request.prefix() == null ? "" : request.prefix(),
                request.length() == null ? 10 : request.length()).stream().map(CodeResponse::of).toList();
        return Response.status(201).entity(codes).build();
    }

    @GET
    @Path("/{id}/codes")
    @Operation(operationId = "listPromotionCodes", summary = "List a promotion's codes", description = "Alphabetical, up to limit.")
    public List<CodeResponse> codes(@Parameter(description = "The promotion's id") @PathParam("id") UUID id,
                                    @Parameter(description = "At most this many codes (1 to 10,000)") @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10_000) int limit) {
        return promotions.codes(id, limit).stream().map(CodeResponse::of).toList();
    }
}
