package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.syntax.Lexer;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Statement;
import dev.cxltrace.lang.syntax.Token;
import dev.cxltrace.lang.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical layout of a document: each statement spelt canonically (ops, spaces, paths and
 * keywords in lower case, field and errno names in upper case), one space between tokens
 * ({@code {A=1, B=2}} and {@code name=value} stay tight), and the op, space, location and value
 * of consecutive access lines in columns as wide as the widest of the block. A trailing comment
 * is kept as written, one space after the statement.
 * Headings, comment lines, blank lines and lines with a syntax error are left as they are, so
 * formatting never changes what a trace means; formatting twice changes nothing more.
 * Answers one whole-line replacement per line that changes.
 */
public final class FormattingService {

    /** A formatted statement: its columns (the last one unpadded) and its comment ("" without). */
    private record Layout(List<String> columns, String comment) {
    }

    public List<TextEditInfo> format(Analysis analysis, CancelToken cancel) {
        List<ParsedLine> lines = analysis.parsedLines();
        List<TextEditInfo> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            cancel.check();
            ParsedLine p = lines.get(i);
            if (!formattable(p)) {
                i++;
                continue;
            }
            if (!(p.statement() instanceof Statement.Access)) {
                Layout l = layout(p);
                emit(out, p, join(l.columns(), null), l.comment());
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && formattable(lines.get(end)) && lines.get(end).statement() instanceof Statement.Access) {
                end++;
            }
            List<Layout> block = new ArrayList<>(end - i);
            int[] widths = new int[4];
            for (int j = i; j < end; j++) {
                Layout l = layout(lines.get(j));
                block.add(l);
                for (int c = 0; c < 4; c++) {
                    widths[c] = Math.max(widths[c], l.columns().get(c).length());
                }
            }
            for (int j = i; j < end; j++) {
                Layout l = block.get(j - i);
                emit(out, lines.get(j), join(l.columns(), widths), l.comment());
            }
            i = end;
        }
        return List.copyOf(out);
    }

    private static boolean formattable(ParsedLine p) {
        return p.statement() != null && !(p.statement() instanceof Statement.Heading) && p.errors().isEmpty()
                && !p.tokens().isEmpty();
    }

    private static void emit(List<TextEditInfo> out, ParsedLine p, String statement, String comment) {
        String text = comment.isEmpty() ? statement : statement + " " + comment;
        if (!text.equals(p.text())) {
            out.add(TextEditInfo.line(p.number(), p.text().length(), text));
        }
    }

    /** Columns padded to {@code widths} (null: not padded), empty columns skipped when the whole column is empty. */
    private static String join(List<String> columns, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            String col = columns.get(c);
            boolean last = c == columns.size() - 1;
            int width = widths == null || last ? col.length() : widths[c];
            if (width == 0) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(col);
            if (!last) {
                b.append(" ".repeat(width - col.length()));
            }
        }
        return b.toString().stripTrailing();
    }

    /** An access: op, space, location, value, the rest; any other statement: one column. */
    private static Layout layout(ParsedLine p) {
        List<TokenClasses.Classified> tokens = TokenClasses.of(p);
        String text = p.text();
        int comment = Lexer.commentStart(text);
        String trailing = comment < text.length() ? text.substring(comment) : "";
        if (!(p.statement() instanceof Statement.Access a)) {
            return new Layout(List.of(render(tokens, p.statement() instanceof Statement.Device)), trailing);
        }
        int locationEnd = a.location().span().end();
        int valueEnd = a.value() == null ? -1 : a.value().span().end();
        List<TokenClasses.Classified> location = new ArrayList<>();
        List<TokenClasses.Classified> value = new ArrayList<>();
        List<TokenClasses.Classified> rest = new ArrayList<>();
        for (int k = 2; k < tokens.size(); k++) {
            TokenClasses.Classified c = tokens.get(k);
            if (c.token().end() <= locationEnd) {
                location.add(c);
            } else if (c.token().end() <= valueEnd) {
                value.add(c);
            } else {
                rest.add(c);
            }
        }
        return new Layout(List.of(render(tokens.subList(0, 1), false), render(tokens.subList(1, 2), false),
                render(location, false), render(value, false), render(rest, false)), trailing);
    }

    /**
     * Tokens with one space between them, except around {@code =} in braces, inside braces and
     * before commas; on a device line (whose profile may be a path) tokens written together stay together.
     */
    private static String render(List<TokenClasses.Classified> tokens, boolean device) {
        StringBuilder b = new StringBuilder();
        Token prev = null;
        boolean inBraces = false;
        for (TokenClasses.Classified c : tokens) {
            Token t = c.token();
            boolean tightEquals = (inBraces || device) && (t.kind() == TokenKind.EQUALS || (prev != null && prev.kind() == TokenKind.EQUALS));
            boolean tight = prev == null || (device ? prev.end() == t.start() : prev.kind() == TokenKind.LBRACE) || t.kind() == TokenKind.RBRACE
                    || t.kind() == TokenKind.COMMA || tightEquals;
            if (!tight) {
                b.append(' ');
            }
            b.append(TokenClasses.canonical(c));
            if (t.kind() == TokenKind.LBRACE) {
                inBraces = true;
            } else if (t.kind() == TokenKind.RBRACE) {
                inBraces = false;
            }
            prev = t;
        }
        return b.toString();
    }
}
