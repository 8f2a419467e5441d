package vn.dvc.hotline.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.ops.DatabaseMigration;
import vn.dvc.hotline.ops.SeedConfig;

/**
 * Loads the seed catalogue ({@code seed/catalog.json}) at start: every field, agency, holiday and procedure whose
 * key is not in the database yet. Never overwrites, so staff edits survive restarts; repeating it changes nothing.
 *
 * <p>Thread model: runs once on the main thread at start-up, waiting for the reactive work it hands to a Vert.x
 * context (never on an event loop).
 */
@ApplicationScoped
public class CatalogSeeder {

    /** Observers that need the catalogue (synthetic dossiers) run after this priority. */
    public static final int PRIORITY = DatabaseMigration.PRIORITY + 20;
    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class);
    static final String RESOURCE = "seed/catalog.json";

    /** The shape of seed/catalog.json. */
    record SeedCatalog(List<SeedField> fields, List<SeedAgency> agencies, List<SeedHoliday> holidays,
            List<SeedProcedure> procedures) {
    }

    record SeedField(String code, String name) {
    }

    record SeedAgency(String code, String name, String address, String phone, String email, String workingHours,
            List<OpeningHours> openingHours) {
    }

    record SeedHoliday(LocalDate date, String name) {
    }

    record SeedProcedure(String code, String name, String fieldCode, String agencyCode, String level,
            OnTheSpot onTheSpot, String processingTime, Integer processingDays, String fees,
            List<ProcedureDocument> documents, List<String> steps, String whereToSubmit, String legalBasis,
            String spokenSummary, String keypadNumber) {
    }

    private final SeedConfig config;
    private final FieldRepository fields;
    private final AgencyRepository agencies;
    private final HolidayRepository holidays;
    private final ProcedureCatalog catalog;
    private final WorkingCalendar calendar;

    CatalogSeeder(SeedConfig config, FieldRepository fields, AgencyRepository agencies, HolidayRepository holidays,
            ProcedureCatalog catalog, WorkingCalendar calendar) {
        this.config = config;
        this.fields = fields;
        this.agencies = agencies;
        this.holidays = holidays;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        SeedCatalog seed = read();
        int added = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> insertMissing(seed)));
        int procedures = 0;
        // Procedures that ask for a keypad number first, so that automatic numbers never take theirs.
        List<SeedProcedure> ordered = new ArrayList<>(seed.procedures());
        ordered.sort(Comparator.comparing(p -> p.keypadNumber() == null));
        for (SeedProcedure procedure : ordered) {
            procedures += VertxContextSupport.subscribeAndAwait(() -> insertProcedureIfMissing(procedure));
        }
        VertxContextSupport.subscribeAndAwait(calendar::reload);
        LOG.infof("Seed catalogue: %d field/agency/holiday rows and %d procedures added (%d procedures in the seed)",
                added, procedures, seed.procedures().size());
    }

    static SeedCatalog read() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = CatalogSeeder.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return mapper.readValue(in, SeedCatalog.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * The catalogue prompts ({@link CatalogScripts}) of the seed catalogue as it is shipped, without a database: what
     * {@code tools/render-prompts.sh} pre-renders.
     */
    public static Map<String, String> seedScripts() {
        SeedCatalog seed = read();
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (SeedAgency a : seed.agencies()) {
            agencies.put(a.code(), toEntity(a));
        }
        List<Procedure> procedures = seed.procedures().stream().map(CatalogSeeder::toEntity).toList();
        return CatalogScripts.all(procedures, agencies);
    }

    /**
     * The names the voice services read out in lists ({@link PhoneCatalog}'s name prompts) for the seed catalogue,
     * key → text: pre-rendered with the rest, so that a machine without espeak-ng reads the seeded lists too.
     */
    public static Map<String, String> seedNames() {
        SeedCatalog seed = read();
        Map<String, String> names = new LinkedHashMap<>();
        seed.fields().forEach(f -> names.put(PhoneCatalog.fieldNameKey(f.code()), f.name()));
        seed.procedures().forEach(p -> names.put(PhoneCatalog.procedureNameKey(p.code()), p.name()));
        seed.agencies().forEach(a -> names.put(PhoneCatalog.agencyNameKey(a.code()), a.name()));
        return names;
    }

    private Uni<Integer> insertMissing(SeedCatalog seed) {
        List<Uni<Integer>> inserts = new ArrayList<>();
        for (SeedField f : seed.fields()) {
            inserts.add(fields.findById(f.code()).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(0);
                }
                Field field = new Field();
                field.code = f.code();
                field.name = f.name();
                field.updatedAt = OffsetDateTime.now();
                return fields.persist(field).replaceWith(1);
            }));
        }
        for (SeedAgency a : seed.agencies()) {
            inserts.add(agencies.findById(a.code()).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(0);
                }
                Agency agency = toEntity(a);
                agency.updatedAt = OffsetDateTime.now();
                return agencies.persist(agency).replaceWith(1);
            }));
        }
        for (SeedHoliday h : seed.holidays()) {
            inserts.add(holidays.findById(h.date()).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().item(0);
                }
                Holiday holiday = new Holiday();
                holiday.day = h.date();
                holiday.name = h.name();
                return holidays.persist(holiday).replaceWith(1);
            }));
        }
        // One session runs one statement at a time: chain the inserts rather than combining them.
        Uni<Integer> total = Uni.createFrom().item(0);
        for (Uni<Integer> insert : inserts) {
            total = total.flatMap(sum -> insert.map(n -> sum + n));
        }
        return total;
    }

    private Uni<Integer> insertProcedureIfMissing(SeedProcedure p) {
        return Panache.withSession(() -> catalog.get(p.code()).replaceWith(0)
                .onFailure(NoSuchEntryException.class).recoverWithUni(() -> catalog.create(toEntity(p)).replaceWith(1)
                        .onFailure(ConflictingEntryException.class).recoverWithUni(conflict -> {
                            // Staff gave the seed's keypad number to another procedure: take a free one.
                            LOG.warnf("Seed procedure %s: %s; assigning a free keypad number", p.code(),
                                    conflict.getMessage());
                            Procedure renumbered = toEntity(p);
                            renumbered.keypadNumber = null;
                            return catalog.create(renumbered).replaceWith(1);
                        })));
    }

    private static Agency toEntity(SeedAgency a) {
        Agency agency = new Agency();
        agency.code = a.code();
        agency.name = a.name();
        agency.address = a.address();
        agency.phone = a.phone();
        agency.email = a.email();
        agency.workingHours = a.workingHours();
        agency.openingHours = a.openingHours() == null ? List.of() : a.openingHours();
        return agency;
    }

    private static Procedure toEntity(SeedProcedure p) {
        Procedure procedure = new Procedure();
        procedure.code = p.code();
        procedure.name = p.name();
        procedure.fieldCode = p.fieldCode();
        procedure.agencyCode = p.agencyCode();
        procedure.level = p.level();
        procedure.onTheSpot = p.onTheSpot() == null ? OnTheSpot.NONE : p.onTheSpot();
        procedure.processingTime = p.processingTime();
        procedure.processingDays = p.processingDays();
        procedure.fees = p.fees();
        procedure.documents = p.documents() == null ? List.of() : p.documents();
        procedure.steps = p.steps() == null ? List.of() : p.steps();
        procedure.whereToSubmit = p.whereToSubmit();
        procedure.legalBasis = p.legalBasis();
        procedure.spokenSummary = p.spokenSummary();
        procedure.keypadNumber = p.keypadNumber();
        return procedure;
    }
}
