package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.RegisterDef;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import dev.cxltrace.lang.diag.Format;
import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.exec.LineOutcome;
import dev.cxltrace.lang.syntax.Statement;
import dev.cxltrace.lang.syntax.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quick fixes and rewrites of the access lines in a range of lines, from each line's outcome:
 * <ul>
 * <li>on an {@code E-EXPECT} of a read: the expected value replaced by the value read, in hex;</li>
 * <li>on an {@code E-ERRNO} of an access that failed without {@code ! ERRNO}: {@code ! ERRNO} added;</li>
 * <li>on an integer location where a register starts: the register's path instead;</li>
 * <li>on a {@code comp} access at an offset that is not a dword multiple, unless the line says it fails:
 *     the offset rounded down to one.</li>
 * </ul>
 * Each action is a list of edits; nothing is written.
 */
public final class CodeActionService {

    public List<CodeActionInfo> actions(Analysis analysis, int firstLine, int lastLine, CancelToken cancel) {
        List<CodeActionInfo> out = new ArrayList<>();
        for (LineOutcome o : analysis.outcomes()) {
            if (o.line() < firstLine || o.line() > lastLine) {
                continue;
            }
            cancel.check();
            if (o.statement() instanceof Statement.Access a) {
                access(a, o, analysis, out);
            }
        }
        return List.copyOf(out);
    }

    private static void access(Statement.Access a, LineOutcome o, Analysis analysis, List<CodeActionInfo> out) {
        int line = o.line();
        for (Diagnostic d : o.diagnostics()) {
            if (d.code() == DiagnosticCode.E_EXPECT && !a.op().write() && a.expected() != null
                    && o.result() != null && o.result().ok()) {
                String value = Format.hex(o.result().value() & mask(a.op().bytes()));
                out.add(new CodeActionInfo("Expect " + value + ", the value the model read", CodeActionInfo.Kind.QUICK_FIX, d,
                        List.of(edit(a.expected().span().line(), a.expected().span().start(), a.expected().span().end(), value))));
            }
            if (d.code() == DiagnosticCode.E_ERRNO && a.errno() == null && o.result() != null && !o.result().ok()) {
                String name = o.result().errno().name();
                int end = statementEnd(analysis, line);
                out.add(new CodeActionInfo("Add ! " + name + ": the access fails", CodeActionInfo.Kind.QUICK_FIX, d,
                        List.of(edit(line, end, end, " ! " + name))));
            }
        }
        Statement.Location loc = a.location();
        if (loc.named()) {
            return;
        }
        if (a.space().hasRegisters()) {
            Optional<RegisterDef> r = RegisterCatalog.get().at(a.space(), loc.number()).filter(def -> def.offset() == loc.number());
            r.ifPresent(def -> out.add(new CodeActionInfo("Use the register name " + def.path(), CodeActionInfo.Kind.REWRITE, null,
                    List.of(edit(line, loc.span().start(), loc.span().end(), def.path())))));
        }
        if (a.space() == Space.COMP && loc.number() % 4 != 0 && a.errno() == null) {
            long aligned = loc.number() & ~3L;
            Diagnostic fixes = o.diagnostics().stream().filter(d -> d.code() == DiagnosticCode.E_ERRNO).findFirst().orElse(null);
            out.add(new CodeActionInfo("Align to the dword at " + Format.hex(aligned), CodeActionInfo.Kind.QUICK_FIX, fixes,
                    List.of(edit(line, loc.span().start(), loc.span().end(), Format.hex(aligned)))));
        }
    }

    private static long mask(int bytes) {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /** The column after the last token of a line (before its comment and trailing blanks). */
    private static int statementEnd(Analysis analysis, int line) {
        List<Token> tokens = analysis.parsed(line).map(p -> p.tokens()).orElse(List.of());
        return tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end();
    }

    private static TextEditInfo edit(int line, int start, int end, String text) {
        return new TextEditInfo(new TextRange(line, start, line, end), text);
    }
}
