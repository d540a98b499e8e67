package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.Executor;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.syntax.ParsedLine;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The transcript of {@code cxltrace run} for lines 1..N of an analysed document: each executed
 * line with its outcome, then every register after line N. Runs a fresh executor over the
 * document's parsed lines (the state after line N depends only on lines 1..N).
 */
public final class TranscriptService {

    public String transcript(Analysis analysis, String name, int lastLine, CancelToken cancel) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Executor executor = new Executor(analysis.profiles(), analysis.options().defaultProfile());
        Transcript transcript = new Transcript(name, out);
        int last = Math.max(0, Math.min(lastLine, analysis.lineCount()));
        for (int i = 0; i < last; i++) {
            cancel.check();
            ParsedLine parsed = analysis.parsedLines().get(i);
            boolean hadDevice = executor.device() != null || executor.creationErrno() != null;
            LineOutcome outcome = executor.execute(parsed);
            transcript.line(parsed, outcome, executor, hadDevice);
        }
        transcript.registers(executor, last);
        out.flush();
        return text.toString();
    }
}
