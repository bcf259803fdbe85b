package fr.artisanat.platform.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.artisanat.platform.pagination.Keyset;
import fr.artisanat.platform.pagination.PageResponses;
import fr.artisanat.platform.security.Roles;

/**
 * What operators do about parked events (ADR 0003): list them, and re-queue them once the cause is fixed. Every
 * service has it; the gateway does not route {@code /admin}, so only the operators' network reaches it, and only
 * with an admin's token.
 */
@Path("/admin/outbox")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Operations", description = "For operators: events the outbox relay parked after Kafka refused them, and their re-queueing")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxOperationsResource {

    @Inject
    ParkedEvents parkedEvents;

    @GET
    @Path("parked")
    @Operation(operationId = "listParkedEvents", summary = "List parked events",
            description = "Events that Kafka refused for a reason of their own (too large, invalid or unknown topic…) more "
                    + "than platform.outbox.max-attempts times, oldest first, with the reason and the number of later events "
                    + "of the same aggregate waiting behind each. A broker outage never parks an event.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ParkedEventPage.class)))
    public Response parked(@QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") @Size(max = Keyset.MAX_CURSOR_LENGTH) String cursor, @Context UriInfo uri) {
        return PageResponses.ok(parkedEvents.page(cursor, limit), uri);
    }

    @POST
    @Path("parked/{eventId}/requeue")
    @Operation(operationId = "requeueParkedEvent", summary = "Re-queue a parked event",
            description = "Once the cause is fixed (topic created, size limit raised…): the relay tries the event again from "
                    + "zero attempts, then the events of its aggregate that waited behind it, in order. 404 when the event "
                    + "is not parked.")
    @APIResponse(responseCode = "204", description = "Back in the queue")
    public Response requeue(@PathParam("eventId") UUID eventId) {
        parkedEvents.requeue(eventId);
        parkedEvents.refresh();
        return Response.noContent().build();
    }

    @POST
    @Path("parked/requeue")
    @Operation(operationId = "requeueAllParkedEvents", summary = "Re-queue every parked event",
            description = "Every parked event back in the queue, for when one cause parked many (e.g. a topic created late).")
    @APIResponse(responseCode = "200", description = "How many were re-queued", content = @Content(schema = @Schema(implementation = Requeued.class)))
    public Requeued requeueAll() {
        Requeued requeued = new Requeued(parkedEvents.requeueAll());
        parkedEvents.refresh();
        return requeued;
    }

    @Schema(name = "ParkedEventPage")
    public record ParkedEventPage(List<ParkedEventView> items, String next) {
    }

    @Schema(name = "RequeuedEvents")
    public record Requeued(@Schema(description = "Parked events put back in the queue") int requeued) {
    }
}
