package vn.dvc.hotline.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.ivr.LookupOutcome;

/**
 * Figures over the stored call records and ratings for the portal's editors: calls per hour, menu choices, the
 * procedures callers asked for, dossier lookups by outcome, ratings. One SQL round trip per figure group, on the
 * reactive pool; the groups run concurrently.
 *
 * <p>Thread model: returns {@link Uni}s; subscribe on a Vert.x context. Nothing blocks.
 */
@ApplicationScoped
public class CallStatistics {

    /** Calls that started in one hour (UTC hours; Vietnam's offset is whole hours). */
    public record HourCount(Instant hour, long calls, long answered) {
    }

    /** How often a key was pressed at a menu node. */
    public record MenuChoice(String node, String digits, long count) {
    }

    /** How many calls heard a procedure. */
    public record ProcedureCount(String code, String name, long calls) {
    }

    /** Ratings of calls that heard one procedure (null code: calls that heard none). */
    public record ProcedureRating(String procedureCode, long ratings, double average) {
    }

    /** The number and average of ratings, and how many gave each score 1–5. */
    public record RatingSummary(long count, Double average, Map<Integer, Long> byScore) {
    }

    /** Everything {@code GET /api/v1/stats/calls} shows. */
    public record CallFigures(Instant from, Instant to, long calls, long answered, List<HourCount> perHour,
            List<MenuChoice> menuChoices, List<ProcedureCount> procedures, Map<LookupOutcome, Long> lookups,
            RatingSummary ratings) {
    }

    /** Everything {@code GET /api/v1/stats/ratings} shows. */
    public record RatingFigures(Instant from, Instant to, RatingSummary summary, List<ProcedureRating> byProcedure) {
    }

    static final int TOP_PROCEDURES = 20;
    private static final String IN_RANGE = " WHERE c.started_at >= $1 AND c.started_at < $2";

    private final Pool pool;

    CallStatistics(Pool pool) {
        this.pool = pool;
    }

    public Uni<CallFigures> calls(Instant from, Instant to) {
        Tuple range = range(from, to);
        Uni<List<HourCount>> perHour = pool.preparedQuery("SELECT date_trunc('hour', c.started_at) AS hour, count(*),"
                + " count(c.answered_at) FROM call_record c" + IN_RANGE + " GROUP BY 1 ORDER BY 1").execute(range)
                .map(rows -> list(rows, row -> new HourCount(row.getOffsetDateTime(0).toInstant(), row.getLong(1),
                        row.getLong(2))));
        Uni<List<MenuChoice>> choices = pool.preparedQuery("SELECT s->>'node', s->>'digits', count(*)"
                + " FROM call_record c CROSS JOIN LATERAL jsonb_array_elements(c.menu_path) s" + IN_RANGE
                + " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2").execute(range)
                .map(rows -> list(rows, row -> new MenuChoice(row.getString(0), row.getString(1), row.getLong(2))));
        Uni<List<ProcedureCount>> procedures = pool.preparedQuery("SELECT h.code, p.name, count(*)"
                + " FROM call_record c CROSS JOIN LATERAL jsonb_array_elements_text(c.procedures) AS h(code)"
                + " LEFT JOIN procedure p ON p.code = h.code" + IN_RANGE
                + " GROUP BY h.code, p.name ORDER BY 3 DESC, 1 LIMIT " + TOP_PROCEDURES).execute(range)
                .map(rows -> list(rows, row -> new ProcedureCount(row.getString(0), row.getString(1), row.getLong(2))));
        Uni<Map<LookupOutcome, Long>> lookups = pool.preparedQuery("SELECT l->>'outcome', count(*)"
                + " FROM call_record c CROSS JOIN LATERAL jsonb_array_elements(c.lookups) l" + IN_RANGE
                + " GROUP BY 1").execute(range).map(rows -> {
                    Map<LookupOutcome, Long> counts = new LinkedHashMap<>();
                    for (LookupOutcome outcome : LookupOutcome.values()) {
                        counts.put(outcome, 0L);
                    }
                    for (Row row : rows) {
                        counts.put(LookupOutcome.valueOf(row.getString(0)), row.getLong(1));
                    }
                    return counts;
                });
        Uni<long[]> totals = pool.preparedQuery("SELECT count(*), count(c.answered_at) FROM call_record c" + IN_RANGE)
                .execute(range).map(rows -> {
                    Row row = rows.iterator().next();
                    return new long[] {row.getLong(0), row.getLong(1)};
                });
        return Uni.combine().all().unis(totals, perHour, choices, procedures, lookups, ratingSummary(range)).asTuple()
                .map(t -> new CallFigures(from, to, t.getItem1()[0], t.getItem1()[1], t.getItem2(), t.getItem3(),
                        t.getItem4(), t.getItem5(), t.getItem6()));
    }

    public Uni<RatingFigures> ratings(Instant from, Instant to) {
        Tuple range = range(from, to);
        Uni<List<ProcedureRating>> byProcedure = pool.preparedQuery("SELECT procedure_code, count(*), avg(score)"
                + " FROM rating WHERE rated_at >= $1 AND rated_at < $2 GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST")
                .execute(range).map(rows -> list(rows, row -> new ProcedureRating(row.getString(0), row.getLong(1),
                        row.getNumeric(2).doubleValue())));
        return Uni.combine().all().unis(ratingSummary(range), byProcedure).asTuple()
                .map(t -> new RatingFigures(from, to, t.getItem1(), t.getItem2()));
    }

    private Uni<RatingSummary> ratingSummary(Tuple range) {
        return pool.preparedQuery("SELECT score, count(*) FROM rating WHERE rated_at >= $1 AND rated_at < $2"
                + " GROUP BY score").execute(range).map(rows -> {
                    Map<Integer, Long> byScore = new LinkedHashMap<>();
                    for (int score = 1; score <= 5; score++) {
                        byScore.put(score, 0L);
                    }
                    long count = 0;
                    long sum = 0;
                    for (Row row : rows) {
                        int score = row.getInteger(0);
                        long n = row.getLong(1);
                        byScore.put(score, n);
                        count += n;
                        sum += score * n;
                    }
                    return new RatingSummary(count, count == 0 ? null : (double) sum / count, byScore);
                });
    }

    private static Tuple range(Instant from, Instant to) {
        return Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(map.apply(row));
        }
        return items;
    }
}
