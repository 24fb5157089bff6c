package dev.commerce.platform.messaging.inbox;

import dev.commerce.platform.web.paging.Page;
import dev.commerce.platform.web.paging.PageParams;
import dev.commerce.platform.web.paging.TimeAndIdPosition;
import dev.commerce.platform.web.problem.ProblemException;
import dev.commerce.platform.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Dead letters of this service's consumers: list them, and re-drive one once its cause is fixed. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dead letters", description = "Events a consumer of this service gave up on")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final InboxConsumers consumers;
    private final InboxProcessor processor;

    public DeadLetterResource(DeadLetters deadLetters, InboxConsumers consumers, InboxProcessor processor) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.processor = processor;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "List dead letters", description = "Oldest first; PENDING by default.")
    public Page<DeadLetters.DeadLetter> list(@Parameter(description = "PENDING (not re-driven yet) or REDRIVEN") @QueryParam("status") @DefaultValue("PENDING") DeadLetters.Status status,
                                             @Valid @BeanParam PageParams page) {
        return Page.fromLookahead(deadLetters.page(status, TimeAndIdPosition.decode(page), page.limit + 1), page.limit,
                letter -> new TimeAndIdPosition(letter.createdAt(), letter.id()).cursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "Get a dead letter")
    public DeadLetters.DeadLetter get(@Parameter(description = "The dead letter's id") @PathParam("id") UUID id) {
        return deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("dead letter", id));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(operationId = "redriveDeadLetter", summary = "Re-drive a dead letter",
            description = "Applies the event again through the consumer's inbox (so at most once). Re-driving one already "
                    + "re-driven changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied (or already applied)")
    @APIResponse(responseCode = "503", description = "The database or broker is away; the dead letter stays pending")
    @APIResponse(responseCode = "409", description = "The consumer failed again; the dead letter stays pending")
    public DeadLetters.DeadLetter redrive(@Parameter(description = "The dead letter's id") @PathParam("id") UUID id) {
        DeadLetters.DeadLetter letter = get(id);
        if (letter.status() == DeadLetters.Status.REDRIVEN) {
            return letter;
        }
        EventConsumer consumer = consumers.consumer(letter.consumer()).orElseThrow(() -> ProblemException.conflict(
                "unknown-consumer", "this service has no consumer named " + letter.consumer() + " any more"));
        IncomingEvent event = IncomingEvent.of(letter.headers(), letter.payload(), letter.topic(), letter.partition(),
                letter.offset());
        try {
            processor.process(consumer, event, 1, () -> true);
        } catch (InboxProcessor.InfrastructureUnavailable e) {
            throw new ProblemException(503, "service-unavailable", "Service unavailable",
                    "the dead letter could not be applied now (" + e.getMessage() + "); it stays pending: try again later");
        } catch (InboxProcessor.GaveUp e) {
            deadLetters.recordFailedRedrive(id, e.getMessage());
            throw ProblemException.conflict("redrive-failed", "the consumer failed again: " + e.getMessage());
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> deadLetters.markRedriven(id));
        return get(id);
    }
}
