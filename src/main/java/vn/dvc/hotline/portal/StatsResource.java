package vn.dvc.hotline.portal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.dvc.hotline.catalog.OnTheSpot;
import vn.dvc.hotline.dossier.DossierStatus;

/** Public figures for the portal's dashboard. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class StatsResource {

    private final Pool pool;

    StatsResource(Pool pool) {
        this.pool = pool;
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
