package vn.dvc.hotline.ivr;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The agencies that receive dossiers, with whether each is open now, as {@link HoursService} needs them.
 *
 * <p>Thread model: implementations do their I/O elsewhere and never block the caller's thread; stages may complete on
 * any thread.
 */
public interface AgencyDirectory {

    /** Whether an agency receives dossiers right now. */
    enum OpenState {
        OPEN,
        CLOSED,
        /** Closed all day for a public holiday. */
        HOLIDAY
    }

    /**
     * @param agency          the agency and the prompt of its name
     * @param detailPromptKey its name, address and opening hours, ready to play
     * @param openState       now, in the service's time zone, holidays counted
     */
    record AgencyHours(Choice agency, String detailPromptKey, OpenState openState) {
    }

    /** @return every agency, in the order they are read out */
    CompletionStage<List<AgencyHours>> agencies();
}
