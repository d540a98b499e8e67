package dev.cxltrace.lsp;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.ide.Analysis;
import dev.cxltrace.lang.ide.TextEdits;
import dev.cxltrace.lang.ide.TextRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The open documents. Each URI holds its latest text and version, as the editor's changes arrive
 * (on the protocol's thread, in order), and its latest completed {@link Analysis}. Analyses run on
 * one background thread per server, in order: each new version's is made incrementally from the
 * latest completed one ({@link Analysis#next}). A new version (or new settings, or a close) bumps
 * the document's generation, and the analysis of an older generation stops at its next statement
 * with a {@link CancellationException}; requests read the latest completed analysis.
 */
public final class DocumentStore {

    /** One version of one document, analysed. */
    public record Document(String uri, int version, Analysis analysis) {
    }

    /** A change from the editor: {@code range == null} replaces the whole text. */
    public record Change(TextRange range, String text) {
    }

    private static final class Entry {
        final String uri;
        final AtomicInteger generation = new AtomicInteger();
        int version;
        String text;
        volatile Document completed;
        volatile CompletableFuture<Document> pending = new CompletableFuture<>();

        Entry(String uri) {
            this.uri = uri;
        }
    }

    private final Map<String, Entry> documents = new ConcurrentHashMap<>();
    private final Function<String, ProfileSource> profiles;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cxltrace-analysis");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSettings settings = ServerSettings.DEFAULT;

    public DocumentStore() {
        this(ProfileFileSource::besideDocument);
    }

    /** {@code profiles}: the profile source of a document, given its URI. */
    public DocumentStore(Function<String, ProfileSource> profiles) {
        this.profiles = profiles;
    }

    /** Opens {@code uri} at {@code version}; the future completes with its analysis, or with a cancellation if superseded. */
    public CompletableFuture<Document> open(String uri, int version, String text) {
        Entry e = new Entry(uri);
        Entry old = documents.put(uri, e);
        if (old != null) {
            old.generation.incrementAndGet();
        }
        return submit(e, version, text);
    }

    /**
     * Applies {@code changes}, in order, to the text of {@code uri} and analyses it as {@code version}; empty if not open.
     * A change older than the version held (out of order) is ignored: its future is cancelled, and
     * the text and analysis stay those of the newer version.
     */
    public Optional<CompletableFuture<Document>> change(String uri, int version, List<Change> changes) {
        Entry e = documents.get(uri);
        if (e == null) {
            return Optional.empty();
        }
        String text;
        synchronized (e) {
            if (version < e.version) {
                return Optional.of(CompletableFuture.failedFuture(
                        new CancellationException(uri + " version " + version + " is older than version " + e.version)));
            }
            text = e.text;
        }
        for (Change c : changes) {
            text = c.range() == null ? c.text() : TextEdits.apply(text, c.range(), c.text());
        }
        return Optional.of(submit(e, version, text));
    }

    /** New settings: every open document is analysed again with them; one future per document. */
    public List<CompletableFuture<Document>> configure(ServerSettings newSettings) {
        boolean changed = !newSettings.equals(settings);
        settings = newSettings;
        if (!changed) {
            return List.of();
        }
        return documents.values().stream().map(e -> {
            int version;
            String text;
            synchronized (e) {
                version = e.version;
                text = e.text;
            }
            return submit(e, version, text);
        }).toList();
    }

    public ServerSettings settings() {
        return settings;
    }

    private CompletableFuture<Document> submit(Entry e, int version, String text) {
        int generation = e.generation.incrementAndGet();
        CompletableFuture<Document> future = new CompletableFuture<>();
        synchronized (e) {
            e.version = version;
            e.text = text;
            e.pending = future;
        }
        Analysis.Options options = settings.analysisOptions();
        CancelToken cancel = () -> {
            if (e.generation.get() != generation || documents.get(e.uri) != e) {
                throw new CancellationException(e.uri + " version " + version + " was superseded");
            }
        };
        Runnable job = () -> {
            try {
                cancel.check();
                Document base = e.completed;
                Analysis a = base == null ? Analysis.of(text, profiles.apply(e.uri), options, cancel)
                        : Analysis.next(base.analysis(), text, options, cancel);
                Document d = new Document(e.uri, version, a);
                e.completed = d;
                cancel.check();
                future.complete(d);
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        };
        try {
            worker.execute(job);
        } catch (RejectedExecutionException stopped) {
            future.cancel(false);
        }
        return future;
    }

    /** The latest completed analysis of {@code uri}; empty if it is not open or not analysed yet. */
    public Optional<Document> get(String uri) {
        Entry e = documents.get(uri);
        return e == null ? Optional.empty() : Optional.ofNullable(e.completed);
    }

    /**
     * The latest completed analysis of {@code uri}; if none has completed yet (just opened), waits
     * for the pending one. Empty if the document is not open or its analysis failed.
     */
    public Optional<Document> latest(String uri) {
        Entry e = documents.get(uri);
        if (e == null) {
            return Optional.empty();
        }
        while (e.completed == null && documents.get(uri) == e) {
            CompletableFuture<Document> pending = e.pending;
            try {
                pending.join();
            } catch (CancellationException | CompletionException ignored) {
                // Superseded or failed: whatever completed meanwhile, or the newer version's.
            }
            if (pending == e.pending) {
                break;
            }
        }
        return Optional.ofNullable(e.completed);
    }

    /** The URIs open now. */
    public Set<String> uris() {
        return Set.copyOf(documents.keySet());
    }

    /** Closes {@code uri}; false if it was not open. */
    public boolean close(String uri) {
        Entry e = documents.remove(uri);
        if (e != null) {
            e.generation.incrementAndGet();
        }
        return e != null;
    }

    /** Stops the analysis thread (on {@code exit}). */
    public void shutdown() {
        worker.shutdownNow();
    }
}
