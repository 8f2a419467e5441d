package vn.dvc.hotline.catalog;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.ivr.AgencyDirectory;
import vn.dvc.hotline.ivr.Choice;
import vn.dvc.hotline.ivr.ProcedureDirectory;
import vn.dvc.hotline.ops.Clocks.TimeConfig;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.PromptsOnDemand;

/**
 * The catalogue as the voice services read it: procedures by keypad number, fields and their procedures for callers
 * who choose from lists, agencies with whether they are open now. Each answer is one query on the reactive pool,
 * holding no Hibernate session; the names read out in lists are prepared as prompts ({@code field.<code>},
 * {@code procedure.<code>.name}, {@code agency.<code>.name}) before the answer is handed over.
 *
 * <p>Thread model: every method returns at once; the stages complete on the pool's event loop or, when a name had
 * to be rendered, on the prompt library's thread. Nothing blocks.
 */
@ApplicationScoped
public class PhoneCatalog implements ProcedureDirectory, AgencyDirectory {

    private static final JsonColumn.Hours HOURS = new JsonColumn.Hours();

    private final Pool pool;
    private final PromptLibrary prompts;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final TimeConfig time;

    PhoneCatalog(Pool pool, PromptLibrary prompts, WorkingCalendar calendar, Clock clock, TimeConfig time) {
        this.pool = pool;
        this.prompts = prompts;
        this.calendar = calendar;
        this.clock = clock;
        this.time = time;
    }

    /** The prompt naming a field in a list. */
    public static String fieldNameKey(String code) {
        return "field." + code;
    }

    /** The prompt naming a procedure in a list. */
    public static String procedureNameKey(String code) {
        return "procedure." + code + ".name";
    }

    /** The prompt naming an agency in a list. */
    public static String agencyNameKey(String code) {
        return "agency." + code + ".name";
    }

    /** The prompt with an agency's name, address and opening hours (kept in step with the data by the speech side). */
    public static String agencyDetailKey(String code) {
        return "agency." + code;
    }

    @Override
    public CompletionStage<Optional<String>> codeByKeypadNumber(String keypadNumber) {
        return pool.preparedQuery("SELECT code FROM procedure WHERE keypad_number = $1").execute(Tuple.of(keypadNumber))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty()
                        : Optional.of(rows.iterator().next().getString(0)))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<Choice>> fields() {
        return named(pool.query("SELECT f.code, f.name FROM field f"
                + " WHERE EXISTS (SELECT 1 FROM procedure p WHERE p.field_code = f.code) ORDER BY f.name, f.code")
                .execute(), PhoneCatalog::fieldNameKey);
    }

    @Override
    public CompletionStage<List<Choice>> procedures(String fieldCode) {
        return named(pool.preparedQuery("SELECT code, name FROM procedure WHERE field_code = $1 ORDER BY name, code")
                .execute(Tuple.of(fieldCode)), PhoneCatalog::procedureNameKey);
    }

    @Override
    public CompletionStage<List<AgencyHours>> agencies() {
        return pool.query("SELECT code, name, opening_hours::text FROM agency ORDER BY name, code").execute()
                .flatMap(rows -> {
                    ZonedDateTime now = ZonedDateTime.now(clock.withZone(time.zone()));
                    Map<String, String> names = new LinkedHashMap<>();
                    List<AgencyHours> agencies = new ArrayList<>();
                    for (Row row : rows) {
                        String code = row.getString(0);
                        names.put(agencyNameKey(code), row.getString(1));
                        agencies.add(new AgencyHours(new Choice(code, agencyNameKey(code)), agencyDetailKey(code),
                                openState(HOURS.convertToEntityAttribute(row.getString(2)), now,
                                        calendar.isHoliday(now.toLocalDate()))));
                    }
                    return PromptsOnDemand.ready(prompts, names).replaceWith(List.copyOf(agencies));
                }).subscribeAsCompletionStage();
    }

    /** Open if a period covers this moment on this weekday; a public holiday closes the whole day. */
    static OpenState openState(List<OpeningHours> hours, ZonedDateTime now, boolean holiday) {
        if (holiday) {
            return OpenState.HOLIDAY;
        }
        LocalTime at = now.toLocalTime();
        for (OpeningHours period : hours) {
            boolean today = period.days().contains(now.getDayOfWeek());
            if (today && !at.isBefore(period.open()) && at.isBefore(period.close())) {
                return OpenState.OPEN;
            }
        }
        return OpenState.CLOSED;
    }

    private CompletionStage<List<Choice>> named(Uni<RowSet<Row>> query, Function<String, String> nameKey) {
        return query.flatMap(rows -> {
            Map<String, String> names = new LinkedHashMap<>();
            List<Choice> choices = new ArrayList<>();
            for (Row row : rows) {
                String key = nameKey.apply(row.getString(0));
                names.put(key, row.getString(1));
                choices.add(new Choice(row.getString(0), key));
            }
            return PromptsOnDemand.ready(prompts, names).replaceWith(List.copyOf(choices));
        }).subscribeAsCompletionStage();
    }
}
