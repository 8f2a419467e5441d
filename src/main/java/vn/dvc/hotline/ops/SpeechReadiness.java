package vn.dvc.hotline.ops;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import vn.dvc.hotline.speech.PromptInfo;
import vn.dvc.hotline.speech.PromptLibrary;
import vn.dvc.hotline.speech.SpeechSynthesizer;

/**
 * Readiness detail "speech": always UP, because calls are answered with the stored and shipped audio whether or not
 * espeak-ng is installed; its data tells operators whether new or edited prompts can be rendered, and how many
 * prompts are silent or stale.
 *
 * <p>Thread model: reads volatile state and a concurrent map; safe on the event loop health checks run on.
 */
@Readiness
@ApplicationScoped
public class SpeechReadiness implements HealthCheck {

    private final SpeechSynthesizer synthesizer;
    private final PromptLibrary prompts;

    SpeechReadiness(SpeechSynthesizer synthesizer, PromptLibrary prompts) {
        this.synthesizer = synthesizer;
        this.prompts = prompts;
    }

    @Override
    public HealthCheckResponse call() {
        long total = 0;
        long silent = 0;
        long stale = 0;
        for (PromptInfo prompt : prompts.list()) {
            total++;
            if (prompt.source() == null) {
                silent++;
            } else if (!prompt.audioCurrent()) {
                stale++;
            }
        }
        return HealthCheckResponse.named("speech").up()
                .withData("espeak-ng", synthesizer.describe())
                .withData("prompts", total)
                .withData("prompts-without-audio", silent)
                .withData("prompts-with-outdated-audio", stale)
                .build();
    }
}
