package vn.dvc.hotline.calls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads stored call records for staff. Thread model: returns {@link Uni}s; subscribe on a Vert.x context.
 */
@ApplicationScoped
public class CallHistory {

    /** A page of records, newest first, and how many matched. */
    public record Page(List<CallRecord> items, long total) {
    }

    private static final String COLUMNS = "call_id, trunk_address, caller_masked, called_number, started_at, "
            + "answered_at, ended_at, end_reason, reject_status, codec, dtmf_mode, menu_path::text AS menu_path, "
            + "procedures::text AS procedures, lookups::text AS lookups, packets_sent, packets_received, "
            + "r.score, r.procedure_code AS rated_procedure, r.dossier_code AS rated_dossier, r.rated_at";
    private static final String TABLES = " FROM call_record LEFT JOIN rating r USING (call_id)";
    private static final String FILTER = " WHERE ($1::timestamptz IS NULL OR started_at >= $1)"
            + " AND ($2::timestamptz IS NULL OR started_at < $2) AND ($3::text IS NULL OR end_reason = $3)";
    private static final TypeReference<List<MenuStep>> STEPS = new TypeReference<>() { };
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() { };
    private static final TypeReference<List<CallRecord.Lookup>> LOOKUPS = new TypeReference<>() { };

    private final Pool pool;
    private final ObjectMapper json;

    CallHistory(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<Page> find(Instant from, Instant to, String endReason, int page, int size) {
        Tuple filter = Tuple.tuple().addOffsetDateTime(from == null ? null : from.atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(to == null ? null : to.atOffset(ZoneOffset.UTC)).addString(endReason);
        Uni<Long> total = pool.preparedQuery("SELECT count(*) FROM call_record" + FILTER).execute(filter)
                .map(rows -> rows.iterator().next().getLong(0));
        Tuple pageParams = Tuple.tuple().addOffsetDateTime(filter.getOffsetDateTime(0))
                .addOffsetDateTime(filter.getOffsetDateTime(1)).addString(endReason).addInteger(size)
                .addLong((long) page * size);
        Uni<List<CallRecord>> items = pool.preparedQuery("SELECT " + COLUMNS + TABLES + FILTER
                + " ORDER BY started_at DESC, call_id LIMIT $4 OFFSET $5").execute(pageParams).map(rows -> {
                    List<CallRecord> records = new ArrayList<>();
                    for (Row row : rows) {
                        records.add(fromRow(row));
                    }
                    return records;
                });
        return Uni.combine().all().unis(items, total).asTuple().map(t -> new Page(t.getItem1(), t.getItem2()));
    }

    public Uni<CallRecord> get(String callId) {
        return pool.preparedQuery("SELECT " + COLUMNS + TABLES + " WHERE call_id = $1")
                .execute(Tuple.of(callId)).map(rows -> rows.size() == 0 ? null : fromRow(rows.iterator().next()));
    }

    private CallRecord fromRow(Row row) {
        return new CallRecord(row.getString("call_id"), row.getString("trunk_address"),
                row.getString("caller_masked"), row.getString("called_number"), instant(row, "started_at"),
                instant(row, "answered_at"), instant(row, "ended_at"), row.getString("end_reason"),
                row.getInteger("reject_status"), row.getString("codec"), row.getString("dtmf_mode"),
                read(row.getString("menu_path"), STEPS), read(row.getString("procedures"), TEXTS),
                read(row.getString("lookups"), LOOKUPS), rating(row), row.getLong("packets_sent"),
                row.getLong("packets_received"));
    }

    private static CallRecord.Rating rating(Row row) {
        Short score = row.getShort("score");
        return score == null ? null : new CallRecord.Rating(score, row.getString("rated_procedure"),
                row.getString("rated_dossier"), instant(row, "rated_at"));
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column) == null ? null : row.getOffsetDateTime(column).toInstant();
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("call_record holds malformed JSON", e);
        }
    }
}
