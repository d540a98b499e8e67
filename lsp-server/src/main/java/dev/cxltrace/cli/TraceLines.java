package dev.cxltrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a UTF-8 trace, read in large blocks. Traces are almost always ASCII, and an ASCII
 * line becomes a string without decoding; other lines decode as UTF-8. Line ends are {@code \n},
 * {@code \r\n} or {@code \r}; a byte-order mark at the start is skipped.
 */
final class TraceLines implements Iterator<String> {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private boolean first = true;
    private String next;

    TraceLines(InputStream in) {
        this.in = in;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String s = next;
        next = null;
        return s;
    }

    private String read() {
        try {
            while (true) {
                for (int i = start; i < end; i++) {
                    byte b = buf[i];
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' && i + 1 == end && !eof) {
                            break;   // a \r\n may straddle the block: read more first
                        }
                        String line = decode(start, i);
                        start = b == '\r' && i + 1 < end && buf[i + 1] == '\n' ? i + 2 : i + 1;
                        return line;
                    }
                }
                if (eof) {
                    if (start < end) {
                        String line = decode(start, end);
                        start = end;
                        return line;
                    }
                    return null;
                }
                fill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
        if (first && end >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        if (end >= 3 || eof) {
            first = false;
        }
    }

    private String decode(int from, int to) throws CharacterCodingException {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                // Strict: a file that is not UTF-8 is reported unreadable, not checked as garbage.
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(buf, from, to - from)).toString();
            }
        }
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
