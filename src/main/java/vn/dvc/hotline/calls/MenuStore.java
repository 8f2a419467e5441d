package vn.dvc.hotline.calls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.dvc.hotline.catalog.NoSuchEntryException;
import vn.dvc.hotline.ivr.InvalidMenuException;
import vn.dvc.hotline.ivr.MenuNode;
import vn.dvc.hotline.ivr.MenuTree;
import vn.dvc.hotline.ivr.MenuViolation;
import vn.dvc.hotline.ivr.NodeKind;
import vn.dvc.hotline.ivr.SystemPrompt;
import vn.dvc.hotline.ops.DatabaseMigration;
import vn.dvc.hotline.speech.PromptLibrary;

/**
 * The IVR menu as stored in {@code menu_node}, published as an immutable {@link MenuTree} for new calls.
 *
 * <ul>
 *   <li>At first start, when {@code menu_node} is empty, the default menu of {@code seed/menu.json} is inserted.
 *       This happens whatever {@code hotline.seed.enabled} says: that switch turns off demonstration data, and a
 *       hotline without a menu cannot answer a call. A non-empty table is never touched.</li>
 *   <li>Writes ({@link #replace}, {@link #patch}) validate the whole resulting menu first (every
 *       {@link vn.dvc.hotline.ivr.MenuValidator} rule), then rewrite the table in one transaction that holds a
 *       table lock, so two editors (or two instances) never interleave; the new snapshot is published at once and
 *       the prompts of changed texts are prepared in the background: calls keep what they play, and new plays get
 *       the new audio as soon as it is ready.</li>
 *   <li>Another instance may edit the menu: the table is re-read every {@code hotline.menu.refresh-interval} and on
 *       every {@link #reload()}.</li>
 *   <li>The system prompts' texts ({@code system.not-understood}, ...) come from {@code seed/menu.json} and are
 *       read-only for now: they are worded for every deployment alike, and editing them can come with the prompt
 *       editor if a province needs it.</li>
 * </ul>
 * If the stored menu is invalid (edited by hand in the database), it is logged and ignored: the last good snapshot,
 * or at start the seed menu, stays in use.
 *
 * <p>Thread model: {@link #current()} is a volatile read, lock-free from any thread (the call path). Writes and
 * reloads run on the reactive pool's event loops without blocking; snapshots are swapped with a compare-and-set that
 * never replaces a newer snapshot with an older one. Start-up runs on the main thread and waits for the database.
 */
@ApplicationScoped
public class MenuStore {

    /** Start-up priority: after the migration and the catalogue seed. */
    public static final int PRIORITY = DatabaseMigration.PRIORITY + 40;
    /** The default menu and the system prompts' texts. */
    public static final String SEED_RESOURCE = "seed/menu.json";
    private static final Logger LOG = Logger.getLogger(MenuStore.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static final String SELECT = "SELECT key, parent_key, digit, kind, prompt_text, target, updated_at"
            + " FROM menu_node ORDER BY position, key";
    private static final String INSERT = "INSERT INTO menu_node"
            + " (key, parent_key, digit, kind, prompt_text, target, position, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, now())";
    /** Writers queue behind each other; readers (calls reloading, GET) are not blocked. */
    private static final String LOCK = "LOCK TABLE menu_node IN SHARE ROW EXCLUSIVE MODE";

    /** Menu settings. */
    @ConfigMapping(prefix = "hotline.menu")
    public interface MenuConfig {
        /** How often the menu is re-read from the database, to pick up edits made through another instance. */
        @WithDefault("30s")
        Duration refreshInterval();
    }

    /**
     * The shape of {@code seed/menu.json}.
     *
     * @param nodes         the default menu
     * @param systemPrompts system prompt key → text
     */
    public record SeedMenu(List<MenuNode> nodes, Map<String, String> systemPrompts) {

        /** @return every seeded prompt: the nodes' texts by node key, then the system prompts */
        public Map<String, String> promptTexts() {
            Map<String, String> texts = new LinkedHashMap<>();
            for (MenuNode node : nodes) {
                texts.put(node.promptKey(), node.promptText());
            }
            texts.putAll(systemPrompts);
            return texts;
        }
    }

    /** The rows of {@code menu_node} as nodes, and the newest {@code updated_at} among them. */
    private record StoredMenu(List<MenuNode> nodes, OffsetDateTime version) {
    }

    /** A published menu and the database moment it reflects (the newest {@code updated_at}), to order snapshots. */
    private record Snapshot(MenuTree tree, OffsetDateTime version) {

        boolean olderThan(Snapshot other) {
            return version != null && other.version != null && version.isBefore(other.version);
        }
    }

    private final Pool pool;
    private final PromptLibrary prompts;
    private final SeedMenu seed;
    private final AtomicReference<Snapshot> state = new AtomicReference<>();

    MenuStore(Pool pool, PromptLibrary prompts) {
        this.pool = pool;
        this.prompts = prompts;
        this.seed = readSeed();
    }

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event) {
        MenuTree seedTree = MenuTree.of(seed.nodes());
        Snapshot loaded = pool.withTransaction(conn -> conn.query(LOCK).execute()
                .flatMap(locked -> conn.query("SELECT count(*) FROM menu_node").execute())
                .flatMap(count -> {
                    if (count.iterator().next().getLong(0) > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Menu table is empty: inserting the default menu from %s (%d nodes)", SEED_RESOURCE,
                            seedTree.nodes().size());
                    return insertAll(conn, seedTree);
                })
                .flatMap(inserted -> load(conn)))
                .map(stored -> {
                    try {
                        return new Snapshot(MenuTree.of(stored.nodes()), stored.version());
                    } catch (InvalidMenuException e) {
                        LOG.errorf("The menu stored in menu_node is invalid, so calls use the default menu of %s"
                                + " until an editor saves a valid one: %s", SEED_RESOURCE, e.getMessage());
                        return new Snapshot(seedTree, null);
                    }
                }).await().atMost(START_TIMEOUT);
        state.set(loaded);
        for (SystemPrompt prompt : SystemPrompt.values()) {
            if (!seed.systemPrompts().containsKey(prompt.key())) {
                LOG.warnf("%s has no text for system prompt %s: callers will hear nothing there", SEED_RESOURCE,
                        prompt.key());
            }
        }
        long started = System.nanoTime();
        prompts.ensure(promptTexts()).await().atMost(START_TIMEOUT);
        LOG.infof("Menu of %d nodes in use; %d prompts prepared in %d ms", loaded.tree().nodes().size(),
                prompts.list().size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Scheduled(every = "${hotline.menu.refresh-interval:30s}", delayed = "${hotline.menu.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Menu refresh failed, the current menu stays in use: %s", failure.getMessage());
            return null;
        });
    }

    /** @return the menu new calls start with; never null once the service has started */
    public MenuTree current() {
        Snapshot snapshot = state.get();
        return snapshot == null ? null : snapshot.tree();
    }

    /** @return system prompt key → text, from {@code seed/menu.json} (read-only) */
    public Map<String, String> systemPromptTexts() {
        return seed.systemPrompts();
    }

    /** @return every prompt of the current menu and the system prompts: prompt key → text */
    public Map<String, String> promptTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (MenuNode node : current().nodes()) {
            texts.put(node.promptKey(), node.promptText());
        }
        texts.putAll(seed.systemPrompts());
        return texts;
    }

    /**
     * Re-reads the table and publishes it if it is newer than the current snapshot.
     *
     * @return the menu now in use (the current one if the stored menu is invalid)
     */
    public Uni<MenuTree> reload() {
        return load(pool).map(stored -> {
            try {
                publish(new Snapshot(MenuTree.of(stored.nodes()), stored.version()));
            } catch (InvalidMenuException e) {
                LOG.errorf("The menu stored in menu_node is invalid and is ignored: %s", e.getMessage());
            }
            return current();
        });
    }

    /**
     * Replaces the whole menu.
     *
     * @param nodes the complete new menu, in any order
     * @return the menu as stored and now in use; fails with {@link InvalidMenuException} listing every violation
     */
    public Uni<MenuTree> replace(List<MenuNode> nodes) {
        return Uni.createFrom().item(() -> MenuTree.of(nodes))
                .flatMap(tree -> pool.withTransaction(conn -> conn.query(LOCK).execute()
                        .flatMap(locked -> conn.query("DELETE FROM menu_node").execute())
                        .flatMap(deleted -> insertAll(conn, tree))
                        .flatMap(inserted -> load(conn))))
                .map(this::publishStored);
    }

    /**
     * Changes one node; the rest of the menu must stay valid with the change.
     *
     * @param key    the node to change
     * @param change computes the changed node from the stored one, inside the write transaction (pure, fast); it
     *               may not change the key
     * @return the node as stored; fails with {@link NoSuchEntryException} for an unknown key and
     *         {@link InvalidMenuException} if the menu would break a rule
     */
    public Uni<MenuNode> patch(String key, UnaryOperator<MenuNode> change) {
        return pool.withTransaction(conn -> conn.query(LOCK).execute()
                .flatMap(locked -> load(conn))
                .flatMap(current -> {
                    MenuTree stored = MenuTree.of(current.nodes());
                    MenuNode existing = stored.node(key)
                            .orElseThrow(() -> new NoSuchEntryException("menu node", key));
                    MenuNode changed = change.apply(existing);
                    if (changed == null || !key.equals(changed.key())) {
                        throw new InvalidMenuException(List.of(new MenuViolation(stored.nodes().indexOf(existing),
                                key, "key", "cannot be changed by a patch; PUT the whole menu to rename a node")));
                    }
                    MenuTree tree = stored.withNode(changed);
                    return conn.query("DELETE FROM menu_node").execute()
                            .flatMap(deleted -> insertAll(conn, tree))
                            .flatMap(inserted -> load(conn));
                }))
                .map(stored -> publishStored(stored).node(key).orElseThrow());
    }

    /** Reads and parses {@value #SEED_RESOURCE}; also used by the tools that render the shipped audio. */
    public static SeedMenu readSeed() {
        try (InputStream in = MenuStore.class.getClassLoader().getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SEED_RESOURCE + " is missing from the application");
            }
            SeedMenu seed = new ObjectMapper().readValue(in, SeedMenu.class);
            return new SeedMenu(List.copyOf(seed.nodes()), Map.copyOf(seed.systemPrompts()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SEED_RESOURCE, e);
        }
    }

    private MenuTree publishStored(StoredMenu stored) {
        MenuTree tree = MenuTree.of(stored.nodes());
        publish(new Snapshot(tree, stored.version()));
        return tree;
    }

    /**
     * Swaps in {@code next} unless a newer snapshot is already in use, then forgets the prompts of removed nodes and
     * prepares those whose text changed, in the background.
     */
    private void publish(Snapshot next) {
        Snapshot previous;
        do {
            previous = state.get();
            if (previous != null && next.olderThan(previous)) {
                return;
            }
        } while (!state.compareAndSet(previous, next));
        if (previous == null) {
            return;
        }
        Map<String, String> changed = new LinkedHashMap<>();
        Set<String> removed = new HashSet<>();
        for (MenuNode node : previous.tree().nodes()) {
            removed.add(node.promptKey());
        }
        for (MenuNode node : next.tree().nodes()) {
            removed.remove(node.promptKey());
            Optional<MenuNode> before = previous.tree().node(node.key());
            if (before.isEmpty() || !before.get().promptText().equals(node.promptText())) {
                changed.put(node.promptKey(), node.promptText());
            }
        }
        prompts.forget(removed);
        if (!changed.isEmpty()) {
            LOG.infof("Menu changed: preparing the prompts of %s", changed.keySet());
            prompts.ensure(changed).subscribe().with(done -> {
            }, failure -> LOG.warnf("Preparing the prompts of %s failed: %s", changed.keySet(),
                    failure.getMessage()));
        }
    }

    private static Uni<Void> insertAll(SqlClient client, MenuTree tree) {
        List<Tuple> rows = new ArrayList<>();
        List<MenuNode> nodes = tree.nodes();
        for (int position = 0; position < nodes.size(); position++) {
            MenuNode node = nodes.get(position);
            rows.add(Tuple.tuple().addString(node.key()).addString(node.parentKey())
                    .addString(node.digit() == null ? null : node.digit().toString()).addString(node.kind().name())
                    .addString(node.promptText()).addString(node.target()).addInteger(position));
        }
        return client.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
    }

    private static Uni<StoredMenu> load(SqlClient client) {
        return client.query(SELECT).execute().map(MenuStore::toStoredMenu);
    }

    private static StoredMenu toStoredMenu(Iterable<Row> rows) {
        List<MenuNode> nodes = new ArrayList<>();
        OffsetDateTime newest = null;
        for (Row row : rows) {
            String digit = row.getString("digit");
            nodes.add(new MenuNode(row.getString("key"), row.getString("parent_key"),
                    digit == null || digit.isEmpty() ? null : digit.charAt(0), NodeKind.valueOf(row.getString("kind")),
                    row.getString("prompt_text"), row.getString("target")));
            OffsetDateTime updatedAt = row.getOffsetDateTime("updated_at");
            if (newest == null || updatedAt.isAfter(newest)) {
                newest = updatedAt;
            }
        }
        return new StoredMenu(nodes, newest);
    }
}
