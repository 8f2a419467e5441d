package vn.dvc.hotline.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import vn.dvc.hotline.speech.Readouts;

/**
 * The four voice services on the seeded menu, driven key by key through a {@link CallFlow} with a fake clock and fake
 * directories: which prompts play, what goes on the call record, what never does (the verifier).
 */
class VoiceServicesTest {

    private static final MenuTree MENU = MenuTree.of(List.of(
            new MenuNode("root", null, null, NodeKind.MENU, "Chào", null),
            new MenuNode("procedures", "root", '1', NodeKind.SERVICE, "Thủ tục", ProcedureInfoService.NAME),
            new MenuNode("dossier", "root", '2', NodeKind.SERVICE, "Hồ sơ", DossierStatusService.NAME),
            new MenuNode("hours", "root", '3', NodeKind.SERVICE, "Giờ", HoursService.NAME),
            new MenuNode("rating", "root", '9', NodeKind.SERVICE, "Đánh giá", RatingService.NAME)));

    private final RecordingActions actions = new RecordingActions();
    private final FakeCatalog catalog = new FakeCatalog();
    private final FakeDossiers dossiers = new FakeDossiers();

    private CallFlow call(String callerNumber) {
        CallFlow flow = new CallFlow(MENU, Map.of(
                ProcedureInfoService.NAME, new ProcedureInfoService(catalog),
                DossierStatusService.NAME, new DossierStatusService(dossiers),
                HoursService.NAME, new HoursService(catalog),
                RatingService.NAME, new RatingService()), actions, actions.clock, IvrSettings.defaults(), callerNumber);
        flow.start();
        flow.onPromptFinished();
        actions.take();
        return flow;
    }

    /** Chooses the dossier service, keys the code and confirms it, each after the prompt has finished. */
    private void confirmedCode(CallFlow flow, String code) {
        keys(flow, "2");
        flow.onPromptFinished();
        keys(flow, code + "#");
        flow.onPromptFinished();
        actions.take();
        keys(flow, "1");
    }

    private void keys(CallFlow flow, String keys) {
        for (char key : keys.toCharArray()) {
            flow.onDigit(key);
        }
        actions.runExecuted();
    }

    // --- procedures -------------------------------------------------------------------------------------------

    @Test
    void procedureByKeypadNumberThenItsDocumentsWhereAndBack() {
        CallFlow flow = call("0912345678");
        keys(flow, "1");
        assertEquals(List.of("step root 1", "play procedures,system.procedure.ask-number"), actions.take());
        flow.onPromptFinished();
        keys(flow, "101#");
        assertEquals(List.of("101"), catalog.askedNumbers);
        assertEquals(List.of("procedure 1.001193", "play procedure.1.001193,system.procedure.options"),
                actions.take());
        keys(flow, "2"); // during the summary: barge-in
        assertEquals(List.of("procedure 1.001193", "play procedure.1.001193.documents,system.procedure.options"),
                actions.take());
        flow.onPromptFinished();
        keys(flow, "3");
        assertEquals(List.of("procedure 1.001193", "play procedure.1.001193.where,system.procedure.options"),
                actions.take());
        keys(flow, "1");
        assertEquals(List.of("procedure 1.001193", "play procedure.1.001193.where,system.procedure.options"),
                actions.take());
        keys(flow, "*");
        assertEquals(List.of("step procedures *", "play root"), actions.take());
    }

    @Test
    void unknownProcedureNumberIsExplainedAndAskedAgain() {
        CallFlow flow = call(null);
        keys(flow, "1");
        actions.take();
        flow.onPromptFinished();
        keys(flow, "999#");
        assertEquals(List.of("play system.procedure.unknown-number,procedures,system.procedure.ask-number"),
                actions.take());
        flow.onPromptFinished();
        keys(flow, "101#");
        assertEquals(List.of("procedure 1.001193", "play procedure.1.001193,system.procedure.options"),
                actions.take());
    }

    @Test
    void procedureChosenByFieldThenByNumberInTheList() {
        CallFlow flow = call(null);
        keys(flow, "1");
        actions.take();
        flow.onPromptFinished();
        keys(flow, "0#");
        assertEquals(List.of("play system.procedure.choose-field,say.item,say.n.1,field.HO_TICH,say.item,say.n.2,"
                + "field.CU_TRU"), actions.take());
        flow.onPromptFinished();
        keys(flow, "7#");
        assertEquals(List.of("play system.no-such-choice,system.procedure.choose-field,say.item,say.n.1,"
                + "field.HO_TICH,say.item,say.n.2,field.CU_TRU"), actions.take());
        flow.onPromptFinished();
        keys(flow, "2#");
        assertEquals(List.of("CU_TRU"), catalog.askedFields);
        assertEquals(List.of("play system.procedure.choose-procedure,say.item,say.n.1,procedure.1.004222.name"),
                actions.take());
        flow.onPromptFinished();
        keys(flow, "1#");
        assertEquals(List.of("procedure 1.004222", "play procedure.1.004222,system.procedure.options"),
                actions.take());
    }

    @Test
    void aFailedCatalogueLookupTakesTheCallerBackToTheMenu() {
        catalog.fail = true;
        CallFlow flow = call(null);
        keys(flow, "1");
        actions.take();
        flow.onPromptFinished();
        keys(flow, "101#");
        assertEquals(List.of("play system.service-unavailable"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("play root"), actions.take());
    }

    // --- dossier status ---------------------------------------------------------------------------------------

    @Test
    void applicantCallingFromTheirOwnNumberHearsTheStatusWithoutAVerifier() {
        dossiers.answers.add(found(DossierStatus.PROCESSING, 3, null));
        CallFlow flow = call("0912345678");
        keys(flow, "2");
        assertEquals(List.of("step root 2", "play dossier,system.dossier.ask-code"), actions.take());
        flow.onPromptFinished();
        keys(flow, "00001260901#");
        assertEquals(List.of("play say.dossier.code-entered,say.digit.0,say.digit.0,say.digit.0,say.pause,say.digit.0,"
                + "say.digit.1,say.digit.2,say.pause,say.digit.6,say.digit.0,say.digit.9,say.pause,say.digit.0,"
                + "say.digit.1,system.dossier.confirm-code"), actions.take());
        flow.onPromptFinished();
        keys(flow, "1");
        assertEquals(List.of("00001260901 null 0912345678"), dossiers.asked);
        List<String> log = actions.take();
        assertEquals("lookup 000.00.01.H31-260901-0001 FOUND", log.get(0));
        assertEquals("play " + String.join(",", DossierStatusService.statusReadout(dossiers.lastFound))
                + ",system.dossier.after", log.get(1));
    }

    @Test
    void otherCallersKeyTheVerifierWhichIsNeverRecorded() {
        dossiers.answers.add(new DossierDirectory.VerifierRequired());
        dossiers.answers.add(found(DossierStatus.COMPLETED, null, null));
        CallFlow flow = call("0281234567");
        confirmedCode(flow, "12345");
        assertEquals(List.of("play system.dossier.ask-verifier"), actions.take());
        flow.onPromptFinished();
        keys(flow, "5678#");
        assertEquals(List.of("12345 null 0281234567", "12345 5678 0281234567"), dossiers.asked);
        List<String> log = actions.take();
        assertEquals("lookup 000.00.01.H31-260901-0001 FOUND", log.get(0));
        assertTrue(actions.take().stream().noneMatch(line -> line.contains("5678")));
        assertTrue(log.stream().noneMatch(line -> line.startsWith("step") && line.contains("5678")), log::toString);
    }

    @Test
    void withheldNumbersAreAskedForTheVerifierStraightAway() {
        dossiers.answers.add(new DossierDirectory.NotFound());
        CallFlow flow = call(null);
        confirmedCode(flow, "12345");
        assertEquals(List.of("play system.dossier.ask-verifier"), actions.take());
        flow.onPromptFinished();
        keys(flow, "0000#");
        assertEquals(List.of("12345 0000 null"), dossiers.asked);
        assertEquals(List.of("lookup 12345 NOT_FOUND", "play system.dossier.not-found,system.dossier.ask-code"),
                actions.take());
    }

    @Test
    void reenteringTheCodeAfterAWrongReadBack() {
        CallFlow flow = call(null);
        keys(flow, "2");
        flow.onPromptFinished();
        keys(flow, "12345#");
        flow.onPromptFinished();
        actions.take();
        keys(flow, "2");
        assertEquals(List.of("play system.dossier.ask-code"), actions.take());
        assertEquals(List.of(), dossiers.asked);
    }

    @Test
    void aThrottledCallerHearsWhyAndGoesBackToTheMenu() {
        dossiers.answers.add(new DossierDirectory.Throttled());
        CallFlow flow = call("0281234567");
        confirmedCode(flow, "12345");
        assertEquals(List.of("lookup 12345 THROTTLED", "play system.dossier.throttled"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("play root"), actions.take());
    }

    @Test
    void statusReadoutSaysStatusStepDueDateDaysLeftAndSupplementAdvice() {
        DossierDirectory.Found found = new DossierDirectory.Found("X", "NEEDS_SUPPLEMENT", "say.status.NEEDS_SUPPLEMENT",
                "dossier.step.abc", LocalDate.of(2026, 12, 3), 2, null, true, "1.001193");
        List<String> expected = new ArrayList<>(List.of("say.status.NEEDS_SUPPLEMENT", Readouts.CURRENT_STEP,
                "dossier.step.abc", Readouts.DUE_DATE));
        expected.addAll(Readouts.date(LocalDate.of(2026, 12, 3)));
        expected.addAll(Readouts.deadline(2, null));
        expected.add(Readouts.SUPPLEMENT_ADVICE);
        assertEquals(expected, DossierStatusService.statusReadout(found));

        DossierDirectory.Found late = new DossierDirectory.Found("X", "PROCESSING", "say.status.PROCESSING", null,
                LocalDate.of(2026, 11, 2), null, 4, false, "1.001193");
        assertTrue(DossierStatusService.statusReadout(late).containsAll(Readouts.deadline(null, 4)));
        assertTrue(DossierStatusService.statusReadout(late).contains(Readouts.OVERDUE));

        DossierDirectory.Found done = new DossierDirectory.Found("X", "RETURNED", "say.status.RETURNED", null,
                LocalDate.of(2026, 11, 2), null, null, false, "1.001193");
        assertEquals(List.of("say.status.RETURNED"), DossierStatusService.statusReadout(done));
    }

    // --- hours ------------------------------------------------------------------------------------------------

    @Test
    void hoursOfTheChosenAgencyWithWhetherItIsOpenNow() {
        CallFlow flow = call(null);
        keys(flow, "3");
        assertEquals(List.of("step root 3", "play hours,system.hours.choose-agency,say.item,say.n.1,agency.A.name,"
                + "say.item,say.n.2,agency.B.name"), actions.take());
        flow.onPromptFinished();
        keys(flow, "2#");
        assertEquals(List.of("play agency.B,say.hours.holiday-today,system.hours.after"), actions.take());
        keys(flow, "2");
        assertEquals(List.of("play system.hours.choose-agency,say.item,say.n.1,agency.A.name,say.item,say.n.2,"
                + "agency.B.name"), actions.take());
        keys(flow, "1");
        flow.onPromptFinished();
        actions.advance(java.time.Duration.ofSeconds(4)); // one key and silence: the answer is complete
        assertEquals(List.of("stop", "play agency.A,say.hours.open-now,system.hours.after"), actions.take());
    }

    // --- rating -----------------------------------------------------------------------------------------------

    @Test
    void ratingOneToFiveIsRecordedThenThanksAndGoodbye() {
        CallFlow flow = call(null);
        keys(flow, "9");
        assertEquals(List.of("step root 9", "play rating,system.rating.ask"), actions.take());
        keys(flow, "7");
        assertEquals(List.of("play system.rating.one-to-five,rating,system.rating.ask"), actions.take());
        keys(flow, "4");
        assertEquals(List.of("rating 4", "play system.thanks,system.goodbye"), actions.take());
        flow.onPromptFinished();
        assertEquals(List.of("hangUp COMPLETED"), actions.take());
        assertFalse(flow.currentNodeKey().isPresent());
    }

    // --- fakes ------------------------------------------------------------------------------------------------

    private static DossierDirectory.Found found(DossierStatus status, Integer left, Integer overdue) {
        return new DossierDirectory.Found("000.00.01.H31-260901-0001", status.name(), "say.status." + status.name(),
                "dossier.step.1", LocalDate.of(2026, 12, 3), left, overdue, status == DossierStatus.NEEDS_SUPPLEMENT,
                "1.001193");
    }

    private enum DossierStatus { PROCESSING, COMPLETED, NEEDS_SUPPLEMENT }

    private static final class FakeCatalog implements ProcedureDirectory, AgencyDirectory {
        final List<String> askedNumbers = new ArrayList<>();
        final List<String> askedFields = new ArrayList<>();
        boolean fail;

        @Override
        public CompletionStage<Optional<String>> codeByKeypadNumber(String keypadNumber) {
            askedNumbers.add(keypadNumber);
            if (fail) {
                return CompletableFuture.failedFuture(new IllegalStateException("database down"));
            }
            return CompletableFuture.completedFuture("101".equals(keypadNumber) ? Optional.of("1.001193")
                    : Optional.empty());
        }

        @Override
        public CompletionStage<List<Choice>> fields() {
            return CompletableFuture.completedFuture(List.of(new Choice("HO_TICH", "field.HO_TICH"),
                    new Choice("CU_TRU", "field.CU_TRU")));
        }

        @Override
        public CompletionStage<List<Choice>> procedures(String fieldCode) {
            askedFields.add(fieldCode);
            return CompletableFuture.completedFuture(List.of(new Choice("1.004222", "procedure.1.004222.name")));
        }

        @Override
        public CompletionStage<List<AgencyHours>> agencies() {
            return CompletableFuture.completedFuture(List.of(
                    new AgencyHours(new Choice("A", "agency.A.name"), "agency.A", OpenState.OPEN),
                    new AgencyHours(new Choice("B", "agency.B.name"), "agency.B", OpenState.HOLIDAY)));
        }
    }

    private static final class FakeDossiers implements DossierDirectory {
        final List<Answer> answers = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        Found lastFound;

        @Override
        public CompletionStage<Answer> lookup(String keypadCode, String verifier, String callerNumber) {
            asked.add(keypadCode + " " + verifier + " " + callerNumber);
            Answer answer = answers.isEmpty() ? new NotFound() : answers.remove(0);
            if (answer instanceof Found found) {
                lastFound = found;
            }
            return CompletableFuture.completedFuture(answer);
        }
    }
}
