package vn.dvc.hotline.catalog;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Procedures: search, read, and the staff's writes with their rules (references exist, codes and keypad numbers
 * unique, a keypad number assigned when none is given). Writes fire {@link CatalogChanged} once committed (the
 * transactional work is in package-private methods so the event follows the commit).
 *
 * <p>Thread model: every method returns a {@link Uni} and must be subscribed on a Vert.x context (REST handlers
 * are); nothing blocks.
 */
@ApplicationScoped
public class ProcedureCatalog {

    /** The columns {@link #fromRow} reads: every query that maps procedure rows selects them. */
    static final String PROCEDURE_COLUMNS = "code, name, field_code, agency_code, level, on_the_spot,"
            + " processing_time, processing_days, fees, documents::text AS documents_json, steps::text AS steps_json,"
            + " where_to_submit, legal_basis, spoken_summary, keypad_number, updated_at, version";

    /**
     * Every query word must occur in the folded text; the score favours the whole phrase in the name, then words
     * that start name words, then a code or keypad number typed exactly. Words are [a-z0-9]+ after folding, so they
     * are safe inside the regular expressions.
     */
    private static final String SEARCH_SQL = "SELECT " + PROCEDURE_COLUMNS + ", count(*) OVER () AS total,\n" + """
                   (CASE WHEN $1 <> '' AND search_name = $1 THEN 100 ELSE 0 END
                  + CASE WHEN $1 <> '' AND search_name LIKE $1 || '%' THEN 40 ELSE 0 END
                  + CASE WHEN $1 <> '' AND strpos(search_name, $1) > 0 THEN 25 ELSE 0 END
                  + (SELECT count(*) FROM unnest($2::text[]) w WHERE search_name ~ ('\\m' || w || '\\M')) * 10
                  + (SELECT count(*) FROM unnest($2::text[]) w WHERE search_name ~ ('\\m' || w)) * 3
                  + CASE WHEN code = $3 OR keypad_number = $3 THEN 200 ELSE 0 END) AS score
              FROM procedure
             WHERE NOT EXISTS (SELECT 1 FROM unnest($2::text[]) w WHERE strpos(search_text, w) = 0)
               AND ($4::text IS NULL OR field_code = $4)
               AND ($5::text IS NULL OR agency_code = $5)
               AND ($6::text IS NULL OR on_the_spot = $6)
             ORDER BY score DESC, name, code
             LIMIT $7 OFFSET $8
            """;

    private static final String COUNT_SQL = """
            SELECT count(*) FROM procedure
             WHERE NOT EXISTS (SELECT 1 FROM unnest($1::text[]) w WHERE strpos(search_text, w) = 0)
               AND ($2::text IS NULL OR field_code = $2)
               AND ($3::text IS NULL OR agency_code = $3)
               AND ($4::text IS NULL OR on_the_spot = $4)
            """;

    /** The smallest free three-digit (or longer) number; short numbers are easiest to key on a phone. */
    private static final String FREE_KEYPAD_NUMBER_SQL = """
            SELECT n::text FROM generate_series(100, 999999) AS n
             WHERE NOT EXISTS (SELECT 1 FROM procedure p WHERE p.keypad_number = n::text)
             LIMIT 1
            """;

    private static final JsonColumn.Documents DOCUMENTS = new JsonColumn.Documents();
    private static final JsonColumn.Texts STEPS = new JsonColumn.Texts();

    private final Pool pool;
    private final ProcedureRepository procedures;
    private final FieldRepository fields;
    private final AgencyRepository agencies;
    private final Event<CatalogChanged> changes;

    ProcedureCatalog(Pool pool, ProcedureRepository procedures, FieldRepository fields, AgencyRepository agencies,
            Event<CatalogChanged> changes) {
        this.pool = pool;
        this.procedures = procedures;
        this.fields = fields;
        this.agencies = agencies;
        this.changes = changes;
    }

    /**
     * Runs on the reactive pool alone, in one round trip, with no Hibernate session: a session holding a connection
     * while the pool waits for another can exhaust the pool under load.
     */
    public Uni<ProcedurePage> search(ProcedureQuery query) {
        String raw = query.text() == null ? "" : query.text().trim();
        String phrase = SearchText.fold(raw);
        String[] words = SearchText.words(raw).toArray(String[]::new);
        String onTheSpot = query.onTheSpot() == null ? null : query.onTheSpot().name();
        Tuple params = Tuple.tuple().addString(phrase).addArrayOfString(words).addString(raw)
                .addString(blankToNull(query.fieldCode())).addString(blankToNull(query.agencyCode()))
                .addString(onTheSpot).addInteger(query.size()).addLong((long) query.page() * query.size());
        return pool.preparedQuery(SEARCH_SQL).execute(params).flatMap(rows -> {
            List<Procedure> found = new ArrayList<>();
            long total = 0;
            for (Row row : rows) {
                found.add(fromRow(row));
                total = row.getLong("total");
            }
            if (found.isEmpty()) {
                return countMatches(words, query, onTheSpot)
                        .map(count -> new ProcedurePage(List.of(), count, query.page(), query.size()));
            }
            return Uni.createFrom().item(new ProcedurePage(found, total, query.page(), query.size()));
        });
    }

    /** The procedure row read by {@link #fromRow}. */
    static Procedure fromRow(Row row) {
        Procedure p = new Procedure();
        p.code = row.getString("code");
        p.name = row.getString("name");
        p.fieldCode = row.getString("field_code");
        p.agencyCode = row.getString("agency_code");
        p.level = row.getString("level");
        p.onTheSpot = OnTheSpot.valueOf(row.getString("on_the_spot"));
        p.processingTime = row.getString("processing_time");
        p.processingDays = row.getInteger("processing_days");
        p.fees = row.getString("fees");
        p.documents = DOCUMENTS.convertToEntityAttribute(row.getString("documents_json"));
        p.steps = STEPS.convertToEntityAttribute(row.getString("steps_json"));
        p.whereToSubmit = row.getString("where_to_submit");
        p.legalBasis = row.getString("legal_basis");
        p.spokenSummary = row.getString("spoken_summary");
        p.keypadNumber = row.getString("keypad_number");
        p.updatedAt = row.getOffsetDateTime("updated_at");
        p.version = row.getInteger("version");
        return p;
    }

    private Uni<Long> countMatches(String[] words, ProcedureQuery query, String onTheSpot) {
        Tuple params = Tuple.tuple().addArrayOfString(words).addString(blankToNull(query.fieldCode()))
                .addString(blankToNull(query.agencyCode())).addString(onTheSpot);
        return pool.preparedQuery(COUNT_SQL).execute(params).map(ProcedureCatalog::firstLong);
    }

    @WithSession
    public Uni<Procedure> get(String code) {
        return procedures.findById(code).onItem().ifNull().failWith(() -> new NoSuchEntryException("procedure", code));
    }

    @WithSession
    public Uni<Procedure> findByKeypadNumber(String keypadNumber) {
        return procedures.find("keypadNumber", keypadNumber).firstResult();
    }

    /** Creates a procedure; its code must be new. Fires {@link CatalogChanged} once committed. */
    public Uni<Procedure> create(Procedure draft) {
        return insert(draft).invoke(saved -> changed(saved.code));
    }

    @WithTransaction
    Uni<Procedure> insert(Procedure draft) {
        return procedures.findById(draft.code).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new ConflictingEntryException(
                        "A procedure with code " + draft.code + " already exists; PUT /procedures/" + draft.code
                                + " replaces it"));
            }
            return checkReferences(draft).flatMap(ignored -> keypadNumberFor(draft, null))
                    .flatMap(number -> {
                        draft.keypadNumber = number;
                        return procedures.persist(draft);
                    });
        });
    }

    /** Replaces a procedure, or creates it; the result says which. Fires {@link CatalogChanged} once committed. */
    public Uni<Saved<Procedure>> put(Procedure draft) {
        return replace(draft).invoke(saved -> changed(saved.entry().code));
    }

    @WithTransaction
    Uni<Saved<Procedure>> replace(Procedure draft) {
        return procedures.findById(draft.code).flatMap(existing -> checkReferences(draft)
                .flatMap(ignored -> keypadNumberFor(draft, existing))
                .flatMap(number -> {
                    draft.keypadNumber = number;
                    if (existing == null) {
                        return procedures.persist(draft).map(p -> new Saved<>(p, true));
                    }
                    copyEditableFields(draft, existing);
                    return Uni.createFrom().item(new Saved<>(existing, false));
                }));
    }

    /** Deletes a procedure. Fires {@link CatalogChanged} once committed. */
    public Uni<Void> delete(String code) {
        return remove(code).invoke(() -> changed(code));
    }

    @WithTransaction
    Uni<Void> remove(String code) {
        return procedures.findById(code)
                .onItem().ifNull().failWith(() -> new NoSuchEntryException("procedure", code))
                .flatMap(procedures::delete);
    }

    private void changed(String code) {
        changes.fire(new CatalogChanged(CatalogChanged.Kind.PROCEDURE, code));
    }

    private static void copyEditableFields(Procedure from, Procedure to) {
        to.name = from.name;
        to.fieldCode = from.fieldCode;
        to.agencyCode = from.agencyCode;
        to.level = from.level;
        to.onTheSpot = from.onTheSpot;
        to.processingTime = from.processingTime;
        to.processingDays = from.processingDays;
        to.fees = from.fees;
        to.documents = from.documents;
        to.steps = from.steps;
        to.whereToSubmit = from.whereToSubmit;
        to.legalBasis = from.legalBasis;
        to.spokenSummary = from.spokenSummary;
        to.keypadNumber = from.keypadNumber;
    }

    private Uni<Void> checkReferences(Procedure draft) {
        Uni<Boolean> fieldExists = fields.findById(draft.fieldCode).map(f -> f != null);
        Uni<Boolean> agencyExists = draft.agencyCode == null ? Uni.createFrom().item(true)
                : agencies.findById(draft.agencyCode).map(a -> a != null);
        return fieldExists.flatMap(fieldOk -> agencyExists.map(agencyOk -> {
            List<Violation> violations = new ArrayList<>();
            if (!fieldOk) {
                violations.add(new Violation("fieldCode", "no field with code " + draft.fieldCode
                        + " (GET /api/v1/fields lists them)"));
            }
            if (!agencyOk) {
                violations.add(new Violation("agencyCode", "no agency with code " + draft.agencyCode
                        + " (GET /api/v1/agencies lists them)"));
            }
            if (!violations.isEmpty()) {
                throw new InvalidEntryException(violations);
            }
            return null;
        }));
    }

    /** The keypad number to store: the one asked for if no other procedure has it, else a free one. */
    private Uni<String> keypadNumberFor(Procedure draft, Procedure existing) {
        if (draft.keypadNumber == null || draft.keypadNumber.isBlank()) {
            if (existing != null && existing.keypadNumber != null) {
                return Uni.createFrom().item(existing.keypadNumber);
            }
            return Panache.getSession().flatMap(session -> session
                    .createNativeQuery(FREE_KEYPAD_NUMBER_SQL, String.class).getSingleResult());
        }
        return procedures.find("keypadNumber = ?1 and code <> ?2", draft.keypadNumber, draft.code).<Procedure>firstResult()
                .map(holder -> {
                    if (holder != null) {
                        throw new ConflictingEntryException("Keypad number " + draft.keypadNumber
                                + " already belongs to procedure " + holder.code);
                    }
                    return draft.keypadNumber;
                });
    }

    private static long firstLong(RowSet<Row> rows) {
        for (Row row : rows) {
            return row.getLong(0);
        }
        return 0;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
