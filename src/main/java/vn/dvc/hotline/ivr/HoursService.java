package vn.dvc.hotline.ivr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.dvc.hotline.speech.Readouts;

/**
 * "3 Hours and addresses": the caller chooses an agency by number (at once if there is only one) and hears its
 * address and opening hours, and whether it is open right now (public holidays count); then 1 repeats, 2 chooses
 * another agency.
 *
 * <p>Thread model: stateless and shared by all calls; each call's state lives in the lambdas handed to its
 * {@link ServiceContext}, on that call's event loop.
 */
public final class HoursService implements VoiceService {

    /** The SERVICE node target this service answers. */
    public static final String NAME = "hours";
    static final String CHOOSE_AGENCY = "system.hours.choose-agency";
    static final String AFTER = "system.hours.after";

    /** The prompt keys of its own this service plays; their texts live with the system prompts in seed/menu.json. */
    public static final List<String> PROMPT_KEYS = List.of(CHOOSE_AGENCY, AFTER, NumberedChoices.NO_SUCH_CHOICE);

    private final AgencyDirectory directory;

    public HoursService(AgencyDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void start(ServiceContext context) {
        context.await(directory.agencies(), agencies -> {
            if (agencies.isEmpty()) {
                context.play(List.of(SystemPrompt.SERVICE_UNAVAILABLE.key()), context::returnToMenu);
            } else if (agencies.size() == 1) {
                present(context, agencies, agencies.get(0), List.of(context.node().promptKey()));
            } else {
                choose(context, agencies, List.of(context.node().promptKey()));
            }
        }, failure -> context.play(List.of(SystemPrompt.SERVICE_UNAVAILABLE.key()), context::returnToMenu));
    }

    private void choose(ServiceContext context, List<AgencyDirectory.AgencyHours> agencies, List<String> preface) {
        List<Choice> choices = agencies.stream().map(AgencyDirectory.AgencyHours::agency).toList();
        List<String> question = NumberedChoices.concat(preface, List.of(CHOOSE_AGENCY));
        context.collect(NumberedChoices.concat(question, NumberedChoices.readOut(choices)),
                NumberedChoices.rules(context), answer -> {
                    Optional<Choice> chosen = NumberedChoices.pick(choices, answer);
                    if (chosen.isEmpty()) {
                        context.retry(List.of(NumberedChoices.NO_SUCH_CHOICE));
                        return;
                    }
                    present(context, agencies, agencies.get(choices.indexOf(chosen.get())), List.of());
                });
    }

    private void present(ServiceContext context, List<AgencyDirectory.AgencyHours> agencies,
            AgencyDirectory.AgencyHours agency, List<String> preface) {
        List<String> content = NumberedChoices.concat(preface, List.of(agency.detailPromptKey(),
                openStateKey(agency.openState()), AFTER));
        context.collect(content, context.digits(1, 1), option -> {
            switch (option) {
                case "1" -> present(context, agencies, agency, List.of());
                case "2" -> choose(context, agencies, List.of());
                default -> context.retry(List.of());
            }
        });
    }

    static String openStateKey(AgencyDirectory.OpenState state) {
        return switch (state) {
            case OPEN -> Readouts.OPEN_NOW;
            case CLOSED -> Readouts.CLOSED_NOW;
            case HOLIDAY -> Readouts.HOLIDAY_TODAY;
        };
    }
}
