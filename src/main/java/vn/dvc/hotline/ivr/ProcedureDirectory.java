package vn.dvc.hotline.ivr;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The procedures a caller can ask about, as {@link ProcedureInfoService} needs them. The prompts a procedure plays are
 * named by convention ({@link ProcedureInfoService#summaryKey} and its siblings) and kept in step with the catalogue by
 * the speech layer; the name prompts of {@link Choice}s are ready when the stage completes.
 *
 * <p>Thread model: implementations do their I/O elsewhere and never block the caller's thread; stages may complete on
 * any thread.
 */
public interface ProcedureDirectory {

    /** @return the code of the procedure with this keypad number, or empty if none has it */
    CompletionStage<Optional<String>> codeByKeypadNumber(String keypadNumber);

    /** @return the fields that have procedures, in the order they are read out */
    CompletionStage<List<Choice>> fields();

    /** @return the procedures of a field, in the order they are read out */
    CompletionStage<List<Choice>> procedures(String fieldCode);
}
