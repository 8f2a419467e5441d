package vn.dvc.hotline.ivr;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The IVR state machine for one call: walks the {@link MenuTree} as the caller presses keys, and hands
 * the call to a {@link VoiceService} at SERVICE nodes.
 *
 * <p>Events in: {@link #start()}, {@link #onDigit(char)}, {@link #onPromptFinished()}, timer tasks
 * scheduled through {@link IvrActions#schedule}, {@link #onHangup()}. Commands out: {@link IvrActions}.
 * Everything is synchronous: a key pressed during a prompt leads to the next {@code play} (or a
 * {@code stopPlayback}) before {@link #onDigit} returns, which is what makes barge-in immediate.
 *
 * <p>Keys in a MENU: a child's digit enters the child; {@code 0} repeats the menu; {@code *} goes back to
 * the parent menu (at the root: repeats). In a MESSAGE, or a SERVICE whose service is not registered
 * (its prompt is then the "being prepared" text): {@code 0} repeats it and any other key, or its end,
 * returns to the parent menu. In a running service {@code *} returns to the parent menu and every other
 * key goes to the service. An unknown key, too few keys or silence counts as a failure: the caller hears
 * {@link SystemPrompt#NOT_UNDERSTOOD} and the question again, up to {@link IvrSettings#maxRetries()} times
 * per question; the next failure plays {@link SystemPrompt#GOODBYE} and hangs up when it has finished.
 * Keys during a goodbye are ignored, and so is every event after the end of the call.
 *
 * <p>Thread model: not thread-safe, by design. One instance per call, created and driven only on that
 * call's event loop; the {@link IvrActions} timers must fire there too. Only {@link VoiceService} lookups
 * run elsewhere, and they come back through {@link IvrActions#execute}.
 */
public final class CallFlow {

    private enum Phase {
        NOT_STARTED,
        /** A MENU prompt is playing or the caller has been asked to choose. */
        MENU,
        /** A MESSAGE, or an unregistered SERVICE's own prompt, is playing. */
        ANNOUNCEMENT,
        /** A voice service owns the call. */
        SERVICE,
        /** The last prompt is playing; the call ends when it finishes. */
        ENDING,
        ENDED
    }

    private final MenuTree menu;
    private final Map<String, VoiceService> services;
    private final IvrActions actions;
    private final Clock clock;
    private final IvrSettings settings;
    private final String callerNumber;
    private final DigitRules menuRules;

    private Phase phase = Phase.NOT_STARTED;
    private MenuNode current;
    private int failures;
    private DigitCollector menuCollector;
    private ServiceSession session;
    private EndReason pendingEnd;
    private boolean promptPlaying;
    /** Counts {@code play} commands, to tell whether handling a key already replaced the prompt. */
    private long plays;

    /**
     * @param menu         the menu snapshot for the whole call
     * @param services     voice services by name (a SERVICE node's {@code target}); copied
     * @param actions      the call's side of the conversation
     * @param clock        time for recorded steps
     * @param settings     retries and timeouts
     * @param callerNumber the caller's number, or {@code null} if withheld
     */
    public CallFlow(MenuTree menu, Map<String, VoiceService> services, IvrActions actions, Clock clock,
            IvrSettings settings, String callerNumber) {
        this.menu = Objects.requireNonNull(menu, "menu");
        this.services = Map.copyOf(Objects.requireNonNull(services, "services"));
        this.actions = Objects.requireNonNull(actions, "actions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.callerNumber = callerNumber;
        this.menuRules = settings.digits(1, 1);
    }

    /**
     * The call has been answered: greet with the root menu.
     *
     * @throws IllegalStateException if the flow was already started
     */
    public void start() {
        if (phase == Phase.ENDED) {
            return;
        }
        if (phase != Phase.NOT_STARTED) {
            throw new IllegalStateException("the call flow was already started");
        }
        enterMenu(menu.root(), List.of(), true);
    }

    /**
     * The caller pressed a key.
     *
     * @param key a DTMF key: {@code 0-9 * # A-D}
     * @throws IllegalArgumentException if {@code key} is not a DTMF key
     */
    public void onDigit(char key) {
        DtmfKeys.requireDtmf(key);
        long playsBefore = plays;
        boolean consumed;
        switch (phase) {
            case MENU:
                consumed = onMenuKey(key);
                break;
            case ANNOUNCEMENT:
                consumed = onAnnouncementKey(key);
                break;
            case SERVICE:
                consumed = onServiceKey(key);
                break;
            default:
                consumed = false;
        }
        // A key interrupts the prompt even when nothing new is to be played (the caller started typing
        // a multi-digit answer, or skipped an announcement while a lookup is pending).
        if (consumed && promptPlaying && plays == playsBefore && phase != Phase.ENDED) {
            promptPlaying = false;
            actions.stopPlayback();
        }
    }

    /** The player reached the end of the sequence given to the last {@link IvrActions#play}. */
    public void onPromptFinished() {
        if (!promptPlaying) {
            return;
        }
        promptPlaying = false;
        switch (phase) {
            case MENU:
                menuCollector.promptFinished();
                break;
            case ANNOUNCEMENT:
                enterMenu(parentMenu(current), List.of(), true);
                break;
            case SERVICE:
                session.promptFinished();
                break;
            case ENDING:
                phase = Phase.ENDED;
                actions.hangUp(pendingEnd);
                break;
            default:
                break;
        }
    }

    /** The call is over (BYE from either side, or the SIP layer gave up on it). Idempotent. */
    public void onHangup() {
        stopListening();
        phase = Phase.ENDED;
    }

    /** @return the key of the node the caller is at, empty before the start and after the end */
    public Optional<String> currentNodeKey() {
        return phase == Phase.NOT_STARTED || phase == Phase.ENDED ? Optional.empty() : Optional.of(current.key());
    }

    /** @return whether the call is over: the flow has sent its hang-up, or {@link #onHangup()} was called */
    public boolean isEnded() {
        return phase == Phase.ENDED;
    }

    private boolean onMenuKey(char key) {
        if (key == '*') {
            record(current, "*");
            Optional<MenuNode> parent = menu.parent(current);
            if (parent.isPresent()) {
                enterMenu(parent.get(), List.of(), true);
            } else {
                enterMenu(current, List.of(), false);
            }
            return true;
        }
        if (key == '0') {
            record(current, "0");
            enterMenu(current, List.of(), false);
            return true;
        }
        menuCollector.onKey(key);
        return true;
    }

    private void onMenuAnswer(DigitResult result) {
        if (result.isComplete()) {
            Optional<MenuNode> child = menu.child(current, result.digits().charAt(0));
            if (child.isPresent()) {
                record(current, result.digits());
                enterNode(child.get());
                return;
            }
        }
        MenuNode askedMenu = current;
        fail(List.of(), () -> enterMenu(askedMenu, List.of(SystemPrompt.NOT_UNDERSTOOD.key()), false));
    }

    private boolean onAnnouncementKey(char key) {
        if (key == '0') {
            record(current, "0");
            play(List.of(current.promptKey()));
        } else {
            if (key == '*') {
                record(current, "*");
            }
            enterMenu(parentMenu(current), List.of(), true);
        }
        return true;
    }

    private boolean onServiceKey(char key) {
        if (key == '*') {
            MenuNode serviceNode = current;
            record(serviceNode, "*");
            stopListening();
            enterMenu(parentMenu(serviceNode), List.of(), true);
            return true;
        }
        return session.onKey(key);
    }

    private void enterNode(MenuNode node) {
        switch (node.kind()) {
            case MENU:
                enterMenu(node, List.of(), true);
                break;
            case MESSAGE:
                announce(node);
                break;
            case HANGUP:
                end(EndReason.COMPLETED, List.of(node.promptKey()));
                break;
            case SERVICE:
                VoiceService service = services.get(node.target());
                if (service == null) {
                    announce(node);
                } else {
                    startService(node, service);
                }
                break;
            default:
                throw new IllegalStateException("unknown node kind " + node.kind());
        }
    }

    private void enterMenu(MenuNode node, List<String> preface, boolean newQuestion) {
        stopListening();
        phase = Phase.MENU;
        current = node;
        if (newQuestion) {
            failures = 0;
        }
        play(concat(preface, node.promptKey()));
        menuCollector = new DigitCollector(menuRules, actions, this::onMenuAnswer);
    }

    private void announce(MenuNode node) {
        stopListening();
        phase = Phase.ANNOUNCEMENT;
        current = node;
        failures = 0;
        play(List.of(node.promptKey()));
    }

    private void startService(MenuNode node, VoiceService service) {
        stopListening();
        phase = Phase.SERVICE;
        current = node;
        failures = 0;
        session = new ServiceSession(node);
        ServiceSession started = session;
        started.guard(() -> service.start(started));
    }

    /** Counts a failure; asks again, or says goodbye when the retries are spent. */
    private void fail(List<String> goodbyePreface, Runnable askAgain) {
        failures++;
        if (failures > settings.maxRetries()) {
            end(EndReason.NO_VALID_INPUT, concat(goodbyePreface, SystemPrompt.GOODBYE.key()));
        } else {
            askAgain.run();
        }
    }

    private void end(EndReason reason, List<String> lastPrompts) {
        stopListening();
        if (lastPrompts.isEmpty()) {
            phase = Phase.ENDED;
            actions.hangUp(reason);
            return;
        }
        phase = Phase.ENDING;
        pendingEnd = reason;
        play(lastPrompts);
    }

    /** Cancels whatever was waiting for the caller: the menu's timers and the running service. */
    private void stopListening() {
        if (menuCollector != null) {
            menuCollector.cancel();
            menuCollector = null;
        }
        if (session != null) {
            session.deactivate();
            session = null;
        }
    }

    private void play(List<String> promptKeys) {
        plays++;
        promptPlaying = true;
        actions.play(promptKeys);
    }

    private void record(MenuNode node, String digits) {
        actions.recordStep(node.key(), digits, clock.instant());
    }

    private MenuNode parentMenu(MenuNode node) {
        // The validator guarantees that every node but the root has a MENU parent.
        return menu.parent(node).orElse(menu.root());
    }

    private static List<String> concat(List<String> first, String last) {
        List<String> keys = new ArrayList<>(first.size() + 1);
        keys.addAll(first);
        keys.add(last);
        return keys;
    }

    /** The context of one activation of a voice service; dead once the service no longer owns the call. */
    private final class ServiceSession implements ServiceContext {

        private final MenuNode node;
        private boolean active = true;
        private Runnable afterPlay;
        private DigitCollector collector;
        private List<String> question;
        private DigitRules questionRules;
        private Consumer<String> onAnswer;

        ServiceSession(MenuNode node) {
            this.node = node;
        }

        @Override
        public MenuNode node() {
            return node;
        }

        @Override
        public Optional<String> callerNumber() {
            return Optional.ofNullable(callerNumber);
        }

        @Override
        public Instant now() {
            return clock.instant();
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public DigitRules digits(int min, int max) {
            return settings.digits(min, max);
        }

        @Override
        public void play(List<String> promptKeys, Runnable onFinished) {
            requireNotEmpty(promptKeys);
            Objects.requireNonNull(onFinished, "onFinished");
            if (!active) {
                return;
            }
            cancelCollector();
            afterPlay = onFinished;
            CallFlow.this.play(List.copyOf(promptKeys));
        }

        @Override
        public void collect(List<String> promptKeys, DigitRules rules, Consumer<String> onAnswer) {
            requireNotEmpty(promptKeys);
            Objects.requireNonNull(rules, "rules");
            Objects.requireNonNull(onAnswer, "onAnswer");
            if (!active) {
                return;
            }
            question = List.copyOf(promptKeys);
            questionRules = rules;
            this.onAnswer = onAnswer;
            failures = 0;
            ask(List.of());
        }

        @Override
        public void retry(List<String> explanationKeys) {
            Objects.requireNonNull(explanationKeys, "explanationKeys");
            if (!active) {
                return;
            }
            if (question == null) {
                throw new IllegalStateException("retry() needs a question: call collect() first");
            }
            List<String> explanation = explanationKeys.isEmpty()
                    ? List.of(SystemPrompt.NOT_UNDERSTOOD.key()) : List.copyOf(explanationKeys);
            fail(explanationKeys, () -> ask(explanation));
        }

        @Override
        public void returnToMenu() {
            if (active) {
                enterMenu(parentMenu(node), List.of(), true);
            }
        }

        @Override
        public void hangUp(List<String> finalPromptKeys) {
            Objects.requireNonNull(finalPromptKeys, "finalPromptKeys");
            if (active) {
                end(EndReason.COMPLETED, List.copyOf(finalPromptKeys));
            }
        }

        @Override
        public void recordStep(String digits) {
            Objects.requireNonNull(digits, "digits");
            if (active) {
                record(node, digits);
            }
        }

        @Override
        public void recordProcedureHeard(String procedureCode) {
            Objects.requireNonNull(procedureCode, "procedureCode");
            if (active) {
                actions.recordProcedure(procedureCode, clock.instant());
            }
        }

        @Override
        public void recordLookup(String dossierCode, LookupOutcome outcome) {
            Objects.requireNonNull(dossierCode, "dossierCode");
            Objects.requireNonNull(outcome, "outcome");
            if (active) {
                actions.recordLookup(dossierCode, outcome, clock.instant());
            }
        }

        @Override
        public void recordRating(int score) {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("a rating is 1 to 5, was " + score);
            }
            if (active) {
                actions.recordRating(score, clock.instant());
            }
        }

        @Override
        public <T> void await(CompletionStage<T> stage, Consumer<T> onResult, Consumer<Throwable> onFailure) {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(onResult, "onResult");
            Objects.requireNonNull(onFailure, "onFailure");
            // whenComplete runs on whichever thread completes the stage; hop back before touching the call.
            stage.whenComplete((value, error) -> actions.execute(() -> {
                if (!active) {
                    return;
                }
                if (error == null) {
                    guard(() -> onResult.accept(value));
                } else {
                    guard(() -> onFailure.accept(unwrap(error)));
                }
            }));
        }

        /** @return whether the key was used (so that the prompt it interrupted should stop) */
        boolean onKey(char key) {
            if (collector != null) {
                DigitCollector feeding = collector;
                guard(() -> feeding.onKey(key));
                return true;
            }
            if (afterPlay != null && promptPlaying) {
                Runnable next = afterPlay;
                afterPlay = null;
                guard(next);
                return true;
            }
            return false;
        }

        void promptFinished() {
            if (collector != null) {
                collector.promptFinished();
            } else if (afterPlay != null) {
                Runnable next = afterPlay;
                afterPlay = null;
                guard(next);
            }
        }

        void deactivate() {
            active = false;
            cancelCollector();
            afterPlay = null;
        }

        /**
         * Runs service code; if it throws, reports it and takes the caller back to the menu, because a
         * broken service must not leave the caller in silence.
         */
        void guard(Runnable serviceCode) {
            try {
                serviceCode.run();
            } catch (RuntimeException error) {
                actions.reportServiceFailure(node.key(), error);
                if (active) {
                    enterMenu(parentMenu(node), List.of(SystemPrompt.SERVICE_UNAVAILABLE.key()), true);
                }
            }
        }

        private void ask(List<String> preface) {
            cancelCollector();
            afterPlay = null;
            List<String> prompts = new ArrayList<>(preface);
            prompts.addAll(question);
            CallFlow.this.play(prompts);
            collector = new DigitCollector(questionRules, actions, this::onCollected);
        }

        private void onCollected(DigitResult result) {
            collector = null;
            if (result.isComplete()) {
                guard(() -> onAnswer.accept(result.digits()));
            } else {
                fail(List.of(), () -> ask(List.of(SystemPrompt.NOT_UNDERSTOOD.key())));
            }
        }

        private void cancelCollector() {
            if (collector != null) {
                collector.cancel();
                collector = null;
            }
        }

        private void requireNotEmpty(List<String> promptKeys) {
            if (promptKeys == null || promptKeys.isEmpty()) {
                throw new IllegalArgumentException("promptKeys must not be empty");
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
