package vn.dvc.hotline.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.dvc.hotline.calls.CallStatistics;
import vn.dvc.hotline.catalog.InvalidEntryException;
import vn.dvc.hotline.catalog.OnTheSpot;
import vn.dvc.hotline.dossier.DossierStatus;

/**
 * Figures for the portal: the public overview, and for staff the hotline's own figures (calls, menu choices,
 * procedures asked for, dossier lookups, ratings) over a period.
 */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatsResource {

    /** The longest period one request may cover: the figures are computed on demand. */
    static final Duration LONGEST_RANGE = Duration.ofDays(366);
    /** The period when none is given: the last week. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(7);

    private final Pool pool;
    private final CallStatistics statistics;
    private final Clock clock;

    StatsResource(Pool pool, CallStatistics statistics, Clock clock) {
        this.pool = pool;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GET
    @Path("/calls")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Calls per hour, menu choices, procedures most asked for, lookups by outcome, ratings",
            description = "Calls that started in [from, to): ISO instants such as 2026-11-28T00:00:00Z; by default the"
                    + " last seven days; at most 366 days.")
    public Uni<CallStatistics.CallFigures> calls(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant[] range = range(from, to);
        return statistics.calls(range[0], range[1]);
    }

    @GET
    @Path("/ratings")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Callers' ratings (1–5): count, average, by score, by the procedure heard",
            description = "Ratings given in [from, to): ISO instants; by default the last seven days; at most 366 days.")
    public Uni<CallStatistics.RatingFigures> ratings(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant[] range = range(from, to);
        return statistics.ratings(range[0], range[1]);
    }

    /** The period asked for, checked: both ends parse, from before to, not longer than {@link #LONGEST_RANGE}. */
    private Instant[] range(String fromText, String toText) {
        Instant to = toText == null || toText.isBlank() ? clock.instant() : instant("to", toText);
        Instant from = fromText == null || fromText.isBlank() ? to.minus(DEFAULT_RANGE) : instant("from", fromText);
        if (!from.isBefore(to)) {
            throw new InvalidEntryException("from", "must be before to (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(LONGEST_RANGE) > 0) {
            throw new InvalidEntryException("to", "the period may cover at most " + LONGEST_RANGE.toDays()
                    + " days; ask for several shorter periods");
        }
        return new Instant[] {from, to};
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(name, "must be an ISO instant such as 2026-11-28T00:00:00Z");
        }
    }

    @Schema(name = "StatsOverview")
    record Overview(
            @Schema(description = "procedures per on-the-spot mode") Map<OnTheSpot, Long> proceduresByOnTheSpot,
            @Schema(description = "dossiers per status") Map<DossierStatus, Long> dossiersByStatus,
            @Schema(description = "completed dossiers with a due date") long completedWithDueDate,
            @Schema(description = "of those, completed on or before the due date") long completedOnTime,
            @Schema(description = "completedOnTime / completedWithDueDate, null when there are none", example = "0.93")
            Double onTimeRate) {
    }

    @GET
    @Path("/overview")
    @PermitAll
    @Throttled
    @Operation(summary = "Procedures by on-the-spot mode, dossiers by status, on-time rate")
    public Uni<Overview> overview() {
        Uni<Map<OnTheSpot, Long>> byMode = pool.query(
                "SELECT on_the_spot, count(*) FROM procedure GROUP BY on_the_spot").execute().map(rows -> {
                    Map<OnTheSpot, Long> counts = new LinkedHashMap<>();
                    for (OnTheSpot mode : OnTheSpot.values()) {
                        counts.put(mode, 0L);
                    }
                    for (Row row : rows) {
                        counts.put(OnTheSpot.valueOf(row.getString(0)), row.getLong(1));
                    }
                    return counts;
                });
        Uni<Map<DossierStatus, Long>> byStatus = pool.query(
                "SELECT status, count(*) FROM dossier GROUP BY status").execute().map(rows -> {
                    Map<DossierStatus, Long> counts = new LinkedHashMap<>();
                    for (DossierStatus status : DossierStatus.values()) {
                        counts.put(status, 0L);
                    }
                    for (Row row : rows) {
                        counts.put(DossierStatus.valueOf(row.getString(0)), row.getLong(1));
                    }
                    return counts;
                });
        Uni<long[]> onTime = pool.query("""
                SELECT count(*), count(*) FILTER (WHERE completed_at <= due_at)
                  FROM dossier WHERE completed_at IS NOT NULL AND due_at IS NOT NULL
                """).execute().map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[] {row.getLong(0), row.getLong(1)};
                });
        return Uni.combine().all().unis(byMode, byStatus, onTime).asTuple().map(t -> new Overview(t.getItem1(),
                t.getItem2(), t.getItem3()[0], t.getItem3()[1],
                t.getItem3()[0] == 0 ? null : (double) t.getItem3()[1] / t.getItem3()[0]));
    }
}
