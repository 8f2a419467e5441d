package vn.dvc.hotline.dossier;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.catalog.CatalogSeeder;
import vn.dvc.hotline.catalog.Procedure;
import vn.dvc.hotline.catalog.ProcedureRepository;
import vn.dvc.hotline.catalog.WorkingCalendar;
import vn.dvc.hotline.ops.SeedConfig;

/**
 * Synthetic dossiers for demonstrations and tests: {@value #COUNT} of them over every status and the seeded
 * procedures, generated from a fixed random seed so that every start produces the same codes and inserts only the
 * missing ones. Names and phone numbers are invented.
 *
 * <p>Thread model: runs once on the main thread at start-up, waiting for reactive work on a Vert.x context.
 */
@ApplicationScoped
public class DossierSeeder {

    static final int COUNT = 224;
    private static final long RANDOM_SEED = 20_261_128L;
    private static final LocalDate FIRST_RECEIVED = LocalDate.of(2026, 9, 1);
    private static final int RECEIVED_SPAN_DAYS = 120;
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Logger LOG = Logger.getLogger(DossierSeeder.class);

    private static final String[] SURNAMES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
        "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE_NAMES = {"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu",
        "Quốc", "Hoài", "Kim", "Gia"};
    private static final String[] GIVEN_NAMES = {"An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng",
        "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Tâm", "Thảo", "Trang", "Tuấn", "Vy",
        "Yến"};
    private static final String[] STEPS = {"Tiếp nhận hồ sơ", "Thẩm định hồ sơ", "Trình lãnh đạo phê duyệt",
        "Chờ bổ sung giấy tờ", "Chuyển bộ phận trả kết quả"};

    /** One generated dossier: its code and what the portal would have sent for it. */
    public record SyntheticDossier(String code, DossierInput input) {
    }

    private final SeedConfig config;
    private final ProcedureRepository procedures;
    private final DossierRepository dossiers;
    private final DossierSync sync;
    private final WorkingCalendar calendar;

    DossierSeeder(SeedConfig config, ProcedureRepository procedures, DossierRepository dossiers, DossierSync sync,
            WorkingCalendar calendar) {
        this.config = config;
        this.procedures = procedures;
        this.dossiers = dossiers;
        this.sync = sync;
        this.calendar = calendar;
    }

    void onStart(@Observes @Priority(CatalogSeeder.PRIORITY + 10) StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        int added = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> procedures
                .list("order by code").flatMap(all -> insertMissing(generate(all, calendar)))));
        LOG.infof("Synthetic dossiers: %d added (%d in the seed)", added, COUNT);
    }

    private Uni<Integer> insertMissing(List<SyntheticDossier> generated) {
        Uni<Integer> total = Uni.createFrom().item(0);
        for (SyntheticDossier dossier : generated) {
            total = total.flatMap(sum -> dossiers.findById(dossier.code()).flatMap(existing -> existing != null
                    ? Uni.createFrom().item(sum)
                    : sync.upsert(dossier.code(), dossier.input()).replaceWith(sum + 1)));
        }
        return total;
    }

    /** The synthetic dossiers over the given procedures; the same list for the same procedures and holidays. */
    public static List<SyntheticDossier> generate(List<Procedure> procedures, WorkingCalendar calendar) {
        if (procedures.isEmpty()) {
            return List.of();
        }
        Random random = new Random(RANDOM_SEED);
        DossierStatus[] statuses = DossierStatus.values();
        List<SyntheticDossier> result = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            Procedure procedure = procedures.get(random.nextInt(procedures.size()));
            DossierStatus status = statuses[i % statuses.length];
            LocalDate receivedDay = FIRST_RECEIVED.plusDays(random.nextInt(RECEIVED_SPAN_DAYS));
            OffsetDateTime received = receivedDay.atTime(LocalTime.of(7 + random.nextInt(9), random.nextInt(60)))
                    .atOffset(VIETNAM);
            int days = procedure.processingDays == null || procedure.processingDays == 0 ? 1 : procedure.processingDays;
            OffsetDateTime due = calendar.addWorkingDays(receivedDay, days).atTime(17, 0).atOffset(VIETNAM);
            OffsetDateTime completed = switch (status) {
                case COMPLETED, RETURNED, REJECTED -> received.plusDays(random.nextInt(Math.max(1, days + 3)) + 1L);
                default -> null;
            };
            String step = switch (status) {
                case RECEIVED -> STEPS[0];
                case PROCESSING -> STEPS[1 + random.nextInt(2)];
                case NEEDS_SUPPLEMENT -> STEPS[3];
                case COMPLETED -> STEPS[4];
                default -> null;
            };
            String agencyPart = String.format("%02d", 1 + random.nextInt(20));
            String code = String.format("000.00.%s.H31-%s-%04d", agencyPart,
                    receivedDay.format(CODE_DATE), i + 1);
            String phone = String.format("09%08d", random.nextInt(100_000_000));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + " "
                    + MIDDLE_NAMES[random.nextInt(MIDDLE_NAMES.length)] + " "
                    + GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
            result.add(new SyntheticDossier(code, new DossierInput(procedure.code, name, phone, status, step,
                    received, due, completed, null)));
        }
        return result;
    }
}
