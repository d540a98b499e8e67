package dev.cxltrace.lang.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one line into tokens, up to its comment. The language is line-oriented, so a lexer never
 * sees more than one line and never fails: any character that is not punctuation or blank is part
 * of a word, and the parser decides whether the word makes sense.
 */
public final class Lexer {
    private Lexer() {
    }

    /** The column where the line's comment starts, or the line's length. */
    public static int commentStart(String line) {
        int i = line.indexOf('#');
        return i < 0 ? line.length() : i;
    }

    public static List<Token> tokens(String line) {
        int end = commentStart(line);
        List<Token> out = new ArrayList<>(8);
        int i = 0;
        while (i < end) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
                i++;
                continue;
            }
            switch (c) {
                case '=' -> {
                    if (i + 1 < end && line.charAt(i + 1) == '=') {
                        out.add(new Token(TokenKind.EQUALS_EQUALS, "==", i, i + 2));
                        i += 2;
                    } else {
                        out.add(new Token(TokenKind.EQUALS, "=", i, i + 1));
                        i++;
                    }
                }
                case '!' -> {
                    if (i + 1 < end && line.charAt(i + 1) == '=') {
                        out.add(new Token(TokenKind.NOT_EQUALS, "!=", i, i + 2));
                        i += 2;
                    } else {
                        out.add(new Token(TokenKind.BANG, "!", i, i + 1));
                        i++;
                    }
                }
                case '{' -> out.add(new Token(TokenKind.LBRACE, "{", i, ++i));
                case '}' -> out.add(new Token(TokenKind.RBRACE, "}", i, ++i));
                case ',' -> out.add(new Token(TokenKind.COMMA, ",", i, ++i));
                case '+' -> out.add(new Token(TokenKind.PLUS, "+", i, ++i));
                default -> {
                    int start = i;
                    while (i < end && !isBreak(line.charAt(i))) {
                        i++;
                    }
                    String text = line.substring(start, i);
                    TokenKind kind = text.equals("..") ? TokenKind.REST
                            : Character.isDigit(text.charAt(0)) ? TokenKind.NUMBER : TokenKind.WORD;
                    out.add(new Token(kind, text, start, i));
                }
            }
        }
        return out;
    }

    private static boolean isBreak(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b'
                || c == '=' || c == '!' || c == '{' || c == '}' || c == ',' || c == '+' || c == '#';
    }
}
