package vn.dvc.hotline.portal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dvc.hotline.calls.CallHistory;
import vn.dvc.hotline.calls.CallRecord;
import vn.dvc.hotline.calls.LiveCalls;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.NoSuchEntryException;

/** Call records: the calls up now and those stored. Admin only: they show callers' (masked) numbers. */
@Path("/api/v1/calls")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calls")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "jwt")
public class CallResource {

    private final CallHistory history;
    private final LiveCalls live;

    CallResource(CallHistory history, LiveCalls live) {
        this.history = history;
        this.live = live;
    }

    @GET
    @Operation(summary = "Stored call records, newest first",
            description = "from/to: ISO instants (2026-11-28T00:00:00Z); endReason: CALLER_HANGUP, SERVICE_HANGUP,"
                    + " RTP_INACTIVITY, NO_VALID_INPUT, MAX_DURATION, ACK_TIMEOUT, CANCELLED, REJECTED, ERROR")
    public Uni<PageBody<CallRecord>> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("endReason") String endReason,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return history.find(instant("from", from), instant("to", to),
                endReason == null || endReason.isBlank() ? null : endReason.trim(), page, size)
                .map(found -> new PageBody<>(found.items(), found.total(), page, size));
    }

    @GET
    @Path("/live")
    @Operation(summary = "The calls up right now")
    public List<CallRecord> live() {
        return live.snapshot();
    }

    @GET
    @Path("/{callId}")
    @Operation(summary = "One call by its SIP Call-ID (URL-encoded)")
    public Uni<CallRecord> get(@PathParam("callId") String callId) {
        return history.get(callId).onItem().ifNull().failWith(() -> new NoSuchEntryException("call", callId));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(name, "must be an ISO instant such as 2026-11-28T00:00:00Z");
        }
    }
}
