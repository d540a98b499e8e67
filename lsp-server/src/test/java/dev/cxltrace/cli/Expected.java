package dev.cxltrace.cli;

import dev.cxltrace.files.ProfileFileSource;
import dev.cxltrace.device.profile.BuiltInProfiles;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.TraceRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the language core says about a test trace, asked directly: the command line's tests
 * check how reports lay diagnostics out, not the wording of the language's messages, which the
 * golden traces own.
 */
final class Expected {
    private Expected() {
    }

    static List<Diagnostic> diagnostics(Path trace) {
        return diagnostics(trace, trace.toString());
    }

    /** The diagnostics of a trace that messages name {@code shownAs}, as the command line names it. */
    static List<Diagnostic> diagnostics(Path trace, String shownAs) {
        try {
            List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
            return TraceRunner.check(lines.iterator(), ProfileFileSource.besideTrace(trace, shownAs), BuiltInProfiles.DEFAULT,
                    CancelToken.NONE).diagnostics();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiler lines of a trace, as {@code check --format text} must print them: {@code FILE:LINE:COL: SEVERITY: MESSAGE [CODE]}. */
    static List<String> textLines(String shownAs, Path trace) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics(trace, shownAs)) {
            out.add(shownAs + ":" + d.line() + ":" + (d.span().start() + 1) + ": " + d.severity().label() + ": " + d.message()
                    + " [" + d.code().code() + "]");
        }
        return out;
    }

    /** The diagnostics of a trace on a line with a code, in order; fails if there is none. */
    static List<Diagnostic> all(Path trace, int line, String code) {
        List<Diagnostic> found = diagnostics(trace).stream().filter(d -> d.line() == line && d.code().code().equals(code)).toList();
        if (found.isEmpty()) {
            throw new AssertionError("expected " + code + " on line " + line + " of " + trace + ", found none");
        }
        return found;
    }

    /** The one diagnostic of a trace on a line with a code; fails if there is not exactly one. */
    static Diagnostic on(Path trace, int line, String code) {
        List<Diagnostic> found = diagnostics(trace).stream().filter(d -> d.line() == line && d.code().code().equals(code)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + code + " on line " + line + " of " + trace + ", found " + found);
        }
        return found.get(0);
    }
}
