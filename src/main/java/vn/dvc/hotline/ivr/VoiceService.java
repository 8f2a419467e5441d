package vn.dvc.hotline.ivr;

/**
 * A spoken dialogue plugged in at a {@link NodeKind#SERVICE} node, found by the node's {@code target}
 * (procedure information, dossier status, working hours, rating…).
 *
 * <p>Thread model: one instance serves every call on every event loop, so it must keep no per-call
 * state in fields: per-call state lives in the lambdas it hands to its {@link ServiceContext}, or in an
 * object it creates in {@link #start}. Every callback it receives runs on the call's event loop.
 */
@FunctionalInterface
public interface VoiceService {

    /**
     * The caller has chosen this service. Start the dialogue: play, collect digits, await lookups, and
     * finally return to the menu or hang up, all through {@code context}. Must not block.
     *
     * <p>{@code *} is handled by the engine everywhere: it ends the service and goes back to the menu,
     * after which the context ignores further calls.
     */
    void start(ServiceContext context);
}
