/**
 * The interactive voice response: what the hotline says and how it follows the caller's keypad.
 *
 * <p>Plain Java with no I/O: no sockets, no database, no Vert.x, no CDI. Events come in as method calls
 * on a {@link vn.dvc.hotline.ivr.CallFlow} (call answered, key pressed, prompt finished, timer fired,
 * hang-up); commands go out through {@link vn.dvc.hotline.ivr.IvrActions} (play prompts, stop, hang up,
 * record a step, schedule a timer). The media layer plays prompt keys it gets from the speech layer's
 * cache; the SIP layer creates one flow per answered call and ends the call on
 * {@link vn.dvc.hotline.ivr.IvrActions#hangUp}.
 *
 * <p>The menu is data: {@link vn.dvc.hotline.ivr.MenuNode} rows, checked by
 * {@link vn.dvc.hotline.ivr.MenuValidator} and frozen into a {@link vn.dvc.hotline.ivr.MenuTree} snapshot
 * that each call keeps from answer to hang-up. The seeded default menu is {@code seed/menu.json}:
 * <pre>
 * { "nodes": [ {"key", "parentKey", "digit", "kind", "promptText", "target"}, … ],
 *   "systemPrompts": { "system.not-understood": "…", … } }
 * </pre>
 * Spoken services plug in at SERVICE nodes as {@link vn.dvc.hotline.ivr.VoiceService}s, registered by name,
 * without changes to the engine: {@link vn.dvc.hotline.ivr.ProcedureInfoService},
 * {@link vn.dvc.hotline.ivr.DossierStatusService}, {@link vn.dvc.hotline.ivr.HoursService},
 * {@link vn.dvc.hotline.ivr.RatingService}. They reach data only through small interfaces
 * ({@link vn.dvc.hotline.ivr.ProcedureDirectory}, {@link vn.dvc.hotline.ivr.DossierDirectory},
 * {@link vn.dvc.hotline.ivr.AgencyDirectory}) whose implementations live in {@code catalog} and {@code dossier},
 * and play values through the fragment keys of {@link vn.dvc.hotline.speech.Readouts} (pure computation).
 *
 * <p>Thread model: a {@code CallFlow} and everything it creates belong to one call and are touched only
 * on that call's event loop, so nothing here locks. Menu trees, nodes, rules and settings are immutable
 * and shared freely. Time comes from an injected {@link java.time.Clock} and
 * {@link vn.dvc.hotline.ivr.CallTimer}; tests use a fake clock and never sleep.
 */
package vn.dvc.hotline.ivr;
