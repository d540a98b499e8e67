package dev.cxltrace.lang.ide;

import dev.cxltrace.device.catalog.RegisterCatalog;
import dev.cxltrace.device.catalog.Space;
import dev.cxltrace.device.vfio.Errno;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Statement;
import dev.cxltrace.lang.syntax.Token;
import dev.cxltrace.lang.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What each token of a line is, from the lexer's tokens, the line's statement and the register
 * catalog. Shared by semantic tokens (the colour) and formatting (the canonical spelling). A token
 * it cannot place has no kind (null): punctuation, words the parser refused.
 */
final class TokenClasses {
    private static final Pattern OP = Pattern.compile("[rRwW](8|16|32|64)");

    private TokenClasses() {
    }

    record Classified(Token token, SemanticTokenInfo.Kind kind) {
    }

    static List<Classified> of(ParsedLine line) {
        List<Token> tokens = line.tokens();
        Statement s = line.statement();
        List<Classified> out = new ArrayList<>(tokens.size());
        boolean inBraces = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            SemanticTokenInfo.Kind kind = null;
            switch (t.kind()) {
                case LBRACE -> inBraces = true;
                case RBRACE -> inBraces = false;
                case NUMBER -> kind = SemanticTokenInfo.Kind.NUMBER;
                case WORD -> kind = word(t, i, prev, next, inBraces, s);
                default -> {
                }
            }
            out.add(new Classified(t, kind));
        }
        return out;
    }

    private static SemanticTokenInfo.Kind word(Token t, int index, Token prev, Token next, boolean inBraces, Statement s) {
        String text = t.text();
        if (index == 0) {
            if (text.equalsIgnoreCase("device") || text.equalsIgnoreCase("expect")) {
                return SemanticTokenInfo.Kind.KEYWORD;
            }
            return OP.matcher(text).matches() ? SemanticTokenInfo.Kind.OP : null;
        }
        if (prev != null && prev.kind() == TokenKind.BANG) {
            return Errno.byName(text).isPresent() ? SemanticTokenInfo.Kind.ERRNO : null;
        }
        if (inBraces) {
            return next != null && next.kind() == TokenKind.EQUALS ? SemanticTokenInfo.Kind.FIELD : null;
        }
        if (index == 1 && s instanceof Statement.Access) {
            return Space.byName(text).isPresent() ? SemanticTokenInfo.Kind.SPACE : null;
        }
        if (s instanceof Statement.Device) {
            return next != null && next.kind() == TokenKind.EQUALS ? SemanticTokenInfo.Kind.PARAMETER : null;
        }
        if (s instanceof Statement.Expect && Errno.byName(text).isPresent()
                && prev != null && (prev.kind() == TokenKind.EQUALS_EQUALS || prev.kind() == TokenKind.NOT_EQUALS)) {
            return SemanticTokenInfo.Kind.ERRNO;
        }
        if (s instanceof Statement.Expect || RegisterCatalog.get().byPath(text).isPresent()) {
            return SemanticTokenInfo.Kind.REGISTER;
        }
        return null;
    }

    /** The canonical spelling of a token (TRACE-LANGUAGE.md, lexical rules); other tokens as written. */
    static String canonical(Classified c) {
        String text = c.token().text();
        if (c.kind() == null) {
            return text;
        }
        return switch (c.kind()) {
            case KEYWORD, OP, SPACE -> text.toLowerCase(Locale.ROOT);
            case FIELD, ERRNO -> text.toUpperCase(Locale.ROOT);
            case REGISTER -> target(text);
            default -> text;
        };
    }

    /** A register path in lower case; a register path and a field with the field in upper case; anything else as written. */
    private static String target(String text) {
        RegisterCatalog catalog = RegisterCatalog.get();
        if (catalog.byPath(text).isPresent()) {
            return text.toLowerCase(Locale.ROOT);
        }
        int dot = text.lastIndexOf('.');
        if (dot > 0 && catalog.byPath(text.substring(0, dot)).isPresent()) {
            return text.substring(0, dot).toLowerCase(Locale.ROOT) + "." + text.substring(dot + 1).toUpperCase(Locale.ROOT);
        }
        return text;
    }
}
