package dev.cxltrace.lsp;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.ProfileSource;
import dev.cxltrace.lang.ide.Analysis;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The open documents: each URI maps to its latest version and that version's {@link Analysis}. A
 * new version replaces the snapshot; a request holding the old one finishes on it.
 */
public final class DocumentStore {

    /** One version of one document. */
    public record Document(String uri, int version, Analysis analysis) {
    }

    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Function<String, ProfileSource> profiles;

    public DocumentStore() {
        this(ProfileFileSource::besideDocument);
    }

    /** {@code profiles}: the profile source of a document, given its URI. */
    public DocumentStore(Function<String, ProfileSource> profiles) {
        this.profiles = profiles;
    }

    /** Analyses {@code text} as {@code version} of {@code uri} and makes it the current snapshot. */
    public Document update(String uri, int version, String text) {
        Document d = new Document(uri, version, Analysis.of(text, profiles.apply(uri), CancelToken.NONE));
        documents.put(uri, d);
        return d;
    }

    public Optional<Document> get(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    public void close(String uri) {
        documents.remove(uri);
    }
}
