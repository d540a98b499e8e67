package dev.cxltrace.lang.syntax;

/** What a token of a statement is, before the parser gives it a role. */
public enum TokenKind {
    /** A name, keyword, path or errno: letters, digits and {@code . _ / - [ ] :}. */
    WORD,
    /** A word that starts with a digit: an integer or a size. */
    NUMBER,
    EQUALS,
    EQUALS_EQUALS,
    NOT_EQUALS,
    BANG,
    LBRACE,
    RBRACE,
    COMMA,
    PLUS,
    /** {@code ..}, the rest of a field composition. */
    REST
}
