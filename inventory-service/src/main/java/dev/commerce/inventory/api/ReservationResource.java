package dev.commerce.inventory.api;

import dev.commerce.platform.web.security.Principals;
import dev.commerce.inventory.application.ReservationBatches;
import dev.commerce.inventory.application.Reservations;
import dev.commerce.inventory.domain.Reservation;
import dev.commerce.platform.web.http.Versions;
import dev.commerce.platform.web.idempotency.Idempotent;
import dev.commerce.platform.web.idempotency.IdempotencyInterceptor;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.problem.ProblemResponses;
import dev.commerce.platform.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Reservations for partners and point-of-sale systems: the same operations the checkout saga runs through events,
 * idempotent per order id.
 */
@Path("/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PARTNER})
@Tag(name = "Reservations", description = "Hold, commit and release an order's stock")
public class ReservationResource {

    private static final String SHORT_DESCRIPTION = "Not enough stock: nothing is held; `lines` lists each short SKU "
            + "with the units requested and available";

    private final Reservations reservations;
    private final ReservationBatches batches;
    private final SecurityIdentity identity;

    public ReservationResource(Reservations reservations, ReservationBatches batches, SecurityIdentity identity) {
        this.reservations = reservations;
        this.batches = batches;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @Operation(operationId = "reserveOrderStock", summary = "Hold an order's lines, all or nothing",
            description = "Allocates from one warehouse that can ship every line when there is one, else splits by "
                    + "warehouse priority. Idempotent per order id: a repeat for the order returns its reservation (200). "
                    + "An optional `Idempotency-Key` must be the order id and replays the first response exactly; "
                    + "requests without it are reserved together with concurrent ones, at a higher rate.")
    @APIResponse(responseCode = "201", description = "Held",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "200", description = "The order already had this reservation",
            content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "409", description = SHORT_DESCRIPTION + "; or the order was reserved with other lines")
    public Response reserve(@Valid @NotNull ReservationRequest request,
                            @Parameter(description = "The order id", schema = @Schema(format = "uuid"))
                            @HeaderParam(IdempotencyInterceptor.HEADER) String idempotencyKey,
                            @Context UriInfo uri) {
        if (idempotencyKey != null && !idempotencyKey.equals(request.orderId().toString())) {
            throw ProblemException.badRequest("idempotency-key-mismatch",
                    "Idempotency-Key must be the order id " + request.orderId());
        }
        Map<String, Integer> units = request.units();
        Duration hold = request.holdSeconds() == null ? null : Duration.ofSeconds(request.holdSeconds());
        Reservations.Outcome outcome = batches.reserve(request.orderId(), units, hold, actor());
        Reservation reservation = outcome.reservation();
        if (reservation.status() == Reservation.Status.REJECTED) {
            return insufficientStock(reservation, "Not enough stock to reserve order " + reservation.orderId(), uri);
        }
        if (!outcome.created() && !reservation.requestedUnits().equals(units)) {
            throw ProblemException.conflict("order-already-reserved",
                    "Order " + request.orderId() + " already has a reservation with other lines");
        }
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(URI.create("/reservations/" + reservation.orderId()))
                : Response.ok();
        return response.entity(ReservationResponse.of(reservation)).tag(Versions.etag(reservation.version())).build();
    }

    @GET
    @Path("/{orderId}")
    @Operation(operationId = "getReservation", summary = "An order's reservation")
    @APIResponse(responseCode = "200", description = "The reservation", content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    @APIResponse(responseCode = "404", description = "The order has no reservation")
    public Response get(@Parameter(description = "The order's id") @PathParam("orderId") UUID orderId) {
        return ok(reservations.byOrder(orderId).orElseThrow(() -> notFound(orderId)));
    }

    @POST
    @Path("/{orderId}/commit")
    @Operation(operationId = "commitReservation", summary = "Commit: the held units leave on-hand stock",
            description = "Idempotent. An expired reservation is held again first when the stock is still there.")
    @APIResponse(responseCode = "409", description = SHORT_DESCRIPTION + "; or the reservation was released or rejected")
    @APIResponse(responseCode = "200", description = "Committed (or already committed)", content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    public Response commit(@Parameter(description = "The order's id") @PathParam("orderId") UUID orderId, @Context UriInfo uri) {
        Reservations.Commit commit = reservations.commit(orderId, actor()).orElseThrow(() -> notFound(orderId));
        return switch (commit.result()) {
            case COMMITTED -> ok(commit.reservation());
            case FAILED -> insufficientStock(commit.reservation(),
                    "The reservation of order " + orderId + " expired and the stock is no longer there", uri);
            case NOT_ACTIVE -> throw ProblemException.conflict("reservation-not-active",
                    "The reservation of order " + orderId + " is " + commit.reservation().status() + ": nothing to commit");
        };
    }

    @POST
    @Path("/{orderId}/release")
    @Operation(operationId = "releaseReservation", summary = "Release: held units become available again",
            description = "Idempotent. Units already committed go back on the shelf.")
    @APIResponse(responseCode = "200", description = "Released (or already released)", content = @Content(schema = @Schema(implementation = ReservationResponse.class)))
    public Response release(@Parameter(description = "The order's id") @PathParam("orderId") UUID orderId) {
        return ok(reservations.release(orderId, actor()).orElseThrow(() -> notFound(orderId)));
    }

    /** 409 as a response rather than an exception: the rejection is recorded and announced, so it must commit. */
    private static Response insufficientStock(Reservation reservation, String detail, UriInfo uri) {
        return ProblemResponses.of(409, "insufficient-stock", "Conflict", detail, uri.getPath(), null,
                Map.of("lines", ReservationResponse.shortagesOf(reservation)));
    }

    private static Response ok(Reservation reservation) {
        return Response.ok(ReservationResponse.of(reservation)).tag(Versions.etag(reservation.version())).build();
    }

    private static ProblemException notFound(UUID orderId) {
        return ProblemException.notFound("reservation of order", orderId);
    }

    private String actor() {
        return Principals.subjectOf(identity);
    }
}
