package dev.cxltrace.cli.report;

import dev.cxltrace.lang.exec.TraceRunner;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The formats of {@code cxltrace check --format}, each with its writer. */
public enum ReportFormat {
    TEXT(TextReport::new),
    JSON(JsonReport::new),
    SARIF(SarifReport::new),
    JUNIT(JUnitXmlReport::new),
    GITHUB(GithubAnnotationsReport::new);

    private final Supplier<ReportWriter> writer;

    ReportFormat(Supplier<ReportWriter> writer) {
        this.writer = writer;
    }

    public ReportWriter writer() {
        return writer.get();
    }

    /** What a check must keep for this format: only JSON and JUnit list the expectation lines. */
    public TraceRunner.Keep keeps() {
        return this == JSON || this == JUNIT ? TraceRunner.Keep.EXPECTATIONS : TraceRunner.Keep.DIAGNOSTICS;
    }

    /** The spelling on the command line: {@code text}, {@code sarif}, ... */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format spelled so, case-insensitively; null if none is. */
    public static ReportFormat byOptionName(String name) {
        for (ReportFormat f : values()) {
            if (f.optionName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** The spellings, for help texts and completion. */
    public static final class OptionNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (ReportFormat f : values()) {
                names.add(f.optionName());
            }
            return names.iterator();
        }
    }
}
