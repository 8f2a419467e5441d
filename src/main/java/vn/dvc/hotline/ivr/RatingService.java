package vn.dvc.hotline.ivr;

import java.util.List;

/**
 * "9 Rating": the caller rates the service 1 to 5 with one key; the rating goes on the call's record (and into the
 * {@code rating} table with the procedure or dossier the caller heard), then the call ends with thanks.
 *
 * <p>Thread model: stateless and shared by all calls; it runs on the call's event loop.
 */
public final class RatingService implements VoiceService {

    /** The SERVICE node target this service answers. */
    public static final String NAME = "rating";
    static final String ASK = "system.rating.ask";
    static final String ONE_TO_FIVE = "system.rating.one-to-five";

    /** The prompt keys of its own this service plays; their texts live with the system prompts in seed/menu.json. */
    public static final List<String> PROMPT_KEYS = List.of(ASK, ONE_TO_FIVE);

    @Override
    public void start(ServiceContext context) {
        context.collect(List.of(context.node().promptKey(), ASK), context.digits(1, 1), key -> {
            char score = key.charAt(0);
            if (score < '1' || score > '5') {
                context.retry(List.of(ONE_TO_FIVE));
                return;
            }
            context.recordRating(score - '0');
            context.hangUp(List.of(SystemPrompt.THANKS.key(), SystemPrompt.GOODBYE.key()));
        });
    }
}
