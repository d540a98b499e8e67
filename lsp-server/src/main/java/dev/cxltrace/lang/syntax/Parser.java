package dev.cxltrace.lang.syntax;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.profile.NumberSyntax;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.lang.diag.Diagnostic;
import dev.cxltrace.lang.diag.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Parses one line into a {@link Statement} or a syntax diagnostic that says what was expected
 * where (TRACE-LANGUAGE.md). Never throws on any input: a bad line never stops the lines after it.
 */
public final class Parser {
    private final int line;
    private final String text;
    private final List<Token> tokens;
    private int pos;

    private Parser(int line, String text) {
        this.line = line;
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    /** Parses line {@code number} (1-based) of a trace. */
    public static ParsedLine parse(int number, String text) {
        Parser p = new Parser(number, text);
        try {
            Statement s = p.statement();
            return new ParsedLine(number, text, s, List.of(), p.tokens);
        } catch (SyntaxError e) {
            return new ParsedLine(number, text, null, List.of(e.diagnostic), p.tokens);
        }
    }

    /** A syntax error unwinds the parse of its line only. */
    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Diagnostic diagnostic;

        SyntaxError(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private Statement statement() throws SyntaxError {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("##")) {
            int indent = text.length() - trimmed.length();
            int level = 0;
            while (level < trimmed.length() && trimmed.charAt(level) == '#') {
                level++;
            }
            return new Statement.Heading(level, trimmed.substring(level).strip(), new Span(line, indent, text.stripTrailing().length()));
        }
        if (tokens.isEmpty()) {
            return null;
        }
        Token first = tokens.get(0);
        if (first.kind() != TokenKind.WORD) {
            throw error(first, "expected a statement (device, r8…r64, w8…w64 or expect), found " + describe(first));
        }
        Statement.Op op = op(first.text());
        if (op != null) {
            return access(op);
        }
        String keyword = first.text();
        if (keyword.equalsIgnoreCase("device")) {
            return device();
        }
        if (keyword.equalsIgnoreCase("expect")) {
            return expect();
        }
        throw error(first, "expected a statement (device, r8…r64, w8…w64 or expect), found " + describe(first)
                + suggestionFor(keyword));
    }

    private static String suggestionFor(String keyword) {
        if (keyword.toLowerCase(Locale.ROOT).matches("[rw]\\d+")) {
            return "; accesses are r8, r16, r32, r64, w8, w16, w32 or w64";
        }
        return "";
    }

    private static final Statement.Op[] OPS = {
        new Statement.Op(false, 1), new Statement.Op(false, 2), new Statement.Op(false, 4), new Statement.Op(false, 8),
        new Statement.Op(true, 1), new Statement.Op(true, 2), new Statement.Op(true, 4), new Statement.Op(true, 8)};

    /** {@code r8}…{@code w64}, any case; null for any other word. */
    static Statement.Op op(String w) {
        int n = w.length();
        if (n < 2 || n > 3) {
            return null;
        }
        char c = Character.toLowerCase(w.charAt(0));
        if (c != 'r' && c != 'w') {
            return null;
        }
        int width;
        if (n == 2) {
            width = w.charAt(1) == '8' ? 0 : -1;
        } else {
            char a = w.charAt(1);
            char b = w.charAt(2);
            width = a == '1' && b == '6' ? 1 : a == '3' && b == '2' ? 2 : a == '6' && b == '4' ? 3 : -1;
        }
        return width < 0 ? null : OPS[(c == 'w' ? 4 : 0) + width];
    }

    // device [PROFILE] [NAME=VALUE ...] [! ERRNO]
    private Statement device() throws SyntaxError {
        Token keyword = next();
        String profile = null;
        Span profileSpan = null;
        if (peekKind(TokenKind.WORD, TokenKind.NUMBER) && !peekKindAt(1, TokenKind.EQUALS)) {
            Token t = next();
            profile = t.text();
            profileSpan = t.span(line);
        }
        List<Statement.Parameter> params = new ArrayList<>();
        while (peekKind(TokenKind.WORD, TokenKind.NUMBER)) {
            Token name = next();
            if (name.kind() != TokenKind.WORD) {
                throw error(name, "expected a parameter NAME=VALUE, found " + describe(name));
            }
            Token eq = expectToken(TokenKind.EQUALS, "'=' after parameter " + name.text() + " (write " + name.text() + "=VALUE)");
            Token value = peek();
            if (value == null || (value.kind() != TokenKind.WORD && value.kind() != TokenKind.NUMBER)) {
                throw errorAfter(eq, value, "a value for " + name.text());
            }
            next();
            params.add(new Statement.Parameter(name.text(), name.span(line), value.text(), value.span(line)));
        }
        Errno errno = null;
        Span errnoSpan = null;
        if (peekKind(TokenKind.BANG)) {
            Token bang = next();
            Token e = errnoToken(bang);
            errno = Errno.byName(e.text()).orElseThrow();
            errnoSpan = e.span(line);
        }
        end("the device line: a profile, NAME=VALUE parameters or ! ERRNO");
        return new Statement.Device(profile, profileSpan, List.copyOf(params), errno, errnoSpan, statementSpan(keyword));
    }

    // OP SPACE LOCATION [VALUE] [= EXPECTED] [! ERRNO]
    private Statement access(Statement.Op op) throws SyntaxError {
        Token opToken = next();
        Token spaceToken = peek();
        if (spaceToken == null || spaceToken.kind() != TokenKind.WORD) {
            throw errorAfter(opToken, spaceToken, "a space (cfg, comp, hdm or bar0…bar5)");
        }
        next();
        Space space = Space.byName(spaceToken.text()).orElse(null);
        if (space == null) {
            throw new SyntaxError(Diagnostic.of(spaceToken.span(line), DiagnosticCode.E_NAME,
                    "unknown space " + spaceToken.text() + "; spaces are cfg, comp, hdm and bar0…bar5"));
        }
        Statement.Location location = location(spaceToken);
        Statement.Value value = null;
        if (op.write()) {
            Token t = peek();
            if (t == null || !(t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.LBRACE)) {
                throw errorAfter(lastToken(), t, "the value to write (an integer or {FIELD=VALUE, ...})");
            }
            value = value(false);
        }
        Statement.Value expected = null;
        if (peekKind(TokenKind.EQUALS)) {
            Token eq = next();
            if (op.write()) {
                throw error(eq, "= EXPECTED is for reads; a write has no value to compare — use " + op.spelling().replace('w', 'r')
                        + " on another line to check it");
            }
            Token t = peek();
            if (t == null || !(t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.LBRACE)) {
                throw errorAfter(eq, t, "the value the read must return (an integer or {FIELD=VALUE, ...})");
            }
            expected = value(false);
        } else if (!op.write() && peekKind(TokenKind.NUMBER, TokenKind.LBRACE)) {
            Token t = peek();
            throw error(t, "a read takes no value; write = " + t.text() + " to compare what it returns");
        }
        Errno errno = null;
        Span errnoSpan = null;
        if (peekKind(TokenKind.BANG)) {
            Token bang = next();
            Token e = errnoToken(bang);
            errno = Errno.byName(e.text()).orElseThrow();
            errnoSpan = e.span(line);
        }
        end("the access: " + (op.write() ? "= is not allowed on a write; ! ERRNO may end the line"
                : "= EXPECTED and ! ERRNO may end the line"));
        return new Statement.Access(op, opToken.span(line), space, spaceToken.span(line), location, value, expected,
                errno, errnoSpan, statementSpan(opToken));
    }

    private Statement.Location location(Token after) throws SyntaxError {
        Token t = peek();
        if (t == null || (t.kind() != TokenKind.WORD && t.kind() != TokenKind.NUMBER)) {
            throw errorAfter(after, t, "a location: an offset or a register name such as dvsec.control");
        }
        next();
        if (t.kind() == TokenKind.NUMBER) {
            long offset = number(t);
            Span at = t.span(line);
            return new Statement.Location(null, null, offset, at, at, null);
        }
        if (peekKind(TokenKind.PLUS)) {
            Token plus = next();
            Token n = peek();
            if (n == null || n.kind() != TokenKind.NUMBER) {
                throw errorAfter(plus, n, "an integer offset (for example " + t.text() + " + 2)");
            }
            next();
            return new Statement.Location(t.text(), t.span(line), number(n), n.span(line), t.span(line).to(n.span(line)),
                    RegisterCatalog.get().byPath(t.text()).orElse(null));
        }
        Span at = t.span(line);
        return new Statement.Location(t.text(), at, 0, null, at, RegisterCatalog.get().byPath(t.text()).orElse(null));
    }

    /** An integer or a composition; in expect, also an errno name or another target. */
    private Statement.Value value(boolean expectSide) throws SyntaxError {
        Token t = next();
        if (t.kind() == TokenKind.NUMBER) {
            return new Statement.IntValue(number(t), t.span(line));
        }
        if (t.kind() == TokenKind.LBRACE) {
            return composition(t);
        }
        if (expectSide && t.kind() == TokenKind.WORD) {
            if (Errno.byName(t.text()).isPresent()) {
                return new Statement.ErrnoValue(Errno.byName(t.text()).orElseThrow(), t.span(line));
            }
            return new Statement.TargetValue(t.text(), t.span(line));
        }
        throw error(t, "expected an integer or {FIELD=VALUE, ...}, found " + describe(t));
    }

    private Statement.Value composition(Token open) throws SyntaxError {
        List<Statement.FieldValue> fields = new ArrayList<>();
        boolean rest = false;
        Token close;
        while (true) {
            Token t = peek();
            if (t == null) {
                throw errorAfter(lastToken(), null, "'}' to close the field composition");
            }
            if (t.kind() == TokenKind.RBRACE) {
                close = next();
                break;
            }
            if (rest) {
                throw error(t, "'..' keeps every unnamed field and must come last; expected '}', found " + describe(t));
            }
            if (t.kind() == TokenKind.REST) {
                next();
                rest = true;
            } else if (t.kind() == TokenKind.WORD) {
                next();
                Token eq = expectToken(TokenKind.EQUALS, "'=' after field " + t.text() + " (write " + t.text() + "=VALUE)");
                Token v = peek();
                if (v == null || v.kind() != TokenKind.NUMBER) {
                    throw errorAfter(eq, v, "an integer value for field " + t.text());
                }
                next();
                fields.add(new Statement.FieldValue(t.text(), t.span(line), number(v), v.span(line)));
            } else {
                throw error(t, "expected a field NAME=VALUE, '..' or '}', found " + describe(t));
            }
            Token sep = peek();
            if (sep != null && sep.kind() == TokenKind.COMMA) {
                next();
            } else if (sep == null || sep.kind() != TokenKind.RBRACE) {
                throw errorAfter(lastToken(), sep, "',' or '}' in the field composition");
            }
        }
        return new Statement.Composition(List.copyOf(fields), rest, open.span(line).to(close.span(line)));
    }

    // expect TARGET (== | !=) VALUE
    private Statement expect() throws SyntaxError {
        Token keyword = next();
        Token target = peek();
        if (target == null || target.kind() != TokenKind.WORD) {
            throw errorAfter(keyword, target, "a target (a register or field, host.…, info.…, region.… or create)");
        }
        next();
        Token operator = peek();
        if (operator == null || (operator.kind() != TokenKind.EQUALS_EQUALS && operator.kind() != TokenKind.NOT_EQUALS)) {
            String hint = operator != null && operator.kind() == TokenKind.EQUALS ? " (compare with ==, not =)" : "";
            throw errorAfter(target, operator, "== or !=" + hint);
        }
        next();
        Token v = peek();
        if (v == null || v.kind() == TokenKind.RBRACE || v.kind() == TokenKind.COMMA) {
            throw errorAfter(operator, v, "a value: an integer, {FIELD=VALUE, ...}, an errno or another target");
        }
        Statement.Value value = value(true);
        end("the expect statement");
        return new Statement.Expect(target.text(), target.span(line), operator.kind() == TokenKind.EQUALS_EQUALS,
                operator.span(line), value, statementSpan(keyword));
    }

    // ------------------------------------------------------------------ helpers

    private Token errnoToken(Token bang) throws SyntaxError {
        Token e = peek();
        if (e == null || e.kind() != TokenKind.WORD) {
            throw errorAfter(bang, e, "an errno name (" + errnoNames() + ")");
        }
        next();
        if (Errno.byName(e.text()).isEmpty()) {
            throw new SyntaxError(Diagnostic.of(e.span(line), DiagnosticCode.E_NAME,
                    "unknown errno " + e.text() + "; errnos are " + errnoNames()));
        }
        return e;
    }

    static String errnoNames() {
        StringBuilder b = new StringBuilder();
        for (Errno e : Errno.values()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.name());
        }
        return b.toString();
    }

    private long number(Token t) throws SyntaxError {
        OptionalLong v = NumberSyntax.parseInteger(t.text());
        if (v.isPresent()) {
            return v.getAsLong();
        }
        String lower = t.text().toLowerCase(Locale.ROOT).replace("_", "");
        boolean digitsOnly = lower.matches("0x[0-9a-f]+|0b[01]+|[0-9]+");
        String why = digitsOnly ? shown(t.text()) + " does not fit in 64 bits; integers are unsigned and at most 64 bits"
                : shown(t.text()) + " is not an integer; write decimal (4096), hexadecimal (0x1000) or binary (0b1010), "
                        + "with _ between digits if you like";
        throw new SyntaxError(Diagnostic.of(t.span(line), DiagnosticCode.E_NUMBER, why));
    }

    private void end(String what) throws SyntaxError {
        Token t = peek();
        if (t != null) {
            throw error(t, "unexpected " + describe(t) + " at the end of " + what);
        }
    }

    private Token expectToken(TokenKind kind, String what) throws SyntaxError {
        Token t = peek();
        if (t == null || t.kind() != kind) {
            throw errorAfter(lastToken(), t, what);
        }
        return next();
    }

    private Span statementSpan(Token first) {
        int end = tokens.get(tokens.size() - 1).end();
        return new Span(line, first.start(), end);
    }

    private Token lastToken() {
        return tokens.get(Math.max(0, pos - 1));
    }

    private Token peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean peekKind(TokenKind... kinds) {
        return peekKindAt(0, kinds);
    }

    private boolean peekKindAt(int ahead, TokenKind... kinds) {
        if (pos + ahead >= tokens.size()) {
            return false;
        }
        TokenKind k = tokens.get(pos + ahead).kind();
        for (TokenKind kind : kinds) {
            if (k == kind) {
                return true;
            }
        }
        return false;
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private SyntaxError error(Token at, String message) {
        return new SyntaxError(Diagnostic.of(at.span(line), DiagnosticCode.E_SYNTAX, message));
    }

    /** "expected X" at the token found, or just after {@code after} when the line ended. */
    private SyntaxError errorAfter(Token after, Token found, String expected) {
        if (found != null) {
            return new SyntaxError(Diagnostic.of(found.span(line), DiagnosticCode.E_SYNTAX,
                    "expected " + expected + ", found " + describe(found)));
        }
        // The line ended where something was expected: point at the place right after the last
        // token, as an empty range, so the range stays inside the line (TRACE-LANGUAGE.md, positions).
        int col = after == null ? 0 : after.end();
        return new SyntaxError(Diagnostic.of(new Span(line, col, col), DiagnosticCode.E_SYNTAX,
                "expected " + expected + " after " + (after == null ? "the start of the line" : after.text())));
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case WORD, NUMBER -> "'" + shown(t.text()) + "'";
            case REST -> "'..'";
            default -> "'" + shown(t.text()) + "'";
        };
    }

    /** A token as a message quotes it: a token of megabytes (one huge line) is cut to its start and length. */
    private static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " characters)";
    }
}
