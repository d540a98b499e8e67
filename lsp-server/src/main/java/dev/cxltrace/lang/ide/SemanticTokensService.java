package dev.cxltrace.lang.ide;

import dev.cxltrace.lang.exec.CancelToken;
import dev.cxltrace.lang.syntax.Lexer;
import dev.cxltrace.lang.syntax.ParsedLine;
import dev.cxltrace.lang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every token of a document that has a meaning, in document order: keywords, ops, spaces,
 * register paths, field names, device parameters, numbers, errnos, comments and section headings.
 * Tokens come from the lexer, their kinds from the statement and the register catalog.
 */
public final class SemanticTokensService {

    public List<SemanticTokenInfo> tokens(Analysis analysis, CancelToken cancel) {
        List<SemanticTokenInfo> out = new ArrayList<>();
        for (ParsedLine p : analysis.parsedLines()) {
            cancel.check();
            String text = p.text();
            if (p.statement() instanceof Statement.Heading h) {
                out.add(new SemanticTokenInfo(p.number(), h.span().start(), h.span().end() - h.span().start(),
                        SemanticTokenInfo.Kind.HEADING));
                continue;
            }
            for (TokenClasses.Classified c : TokenClasses.of(p)) {
                if (c.kind() != null) {
                    out.add(new SemanticTokenInfo(p.number(), c.token().start(), c.token().end() - c.token().start(), c.kind()));
                }
            }
            int comment = Lexer.commentStart(text);
            int end = text.stripTrailing().length();
            if (comment < end) {
                out.add(new SemanticTokenInfo(p.number(), comment, end - comment, SemanticTokenInfo.Kind.COMMENT));
            }
        }
        return List.copyOf(out);
    }
}
