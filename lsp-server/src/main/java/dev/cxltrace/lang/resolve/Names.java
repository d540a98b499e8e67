package dev.cxltrace.lang.resolve;

import java.util.Collection;
import java.util.Locale;

/** Did-you-mean for unknown names: the closest known name by edit distance, if close enough. */
public final class Names {
    private Names() {
    }

    /** {@code "; did you mean X?"} or the empty string. */
    public static String didYouMean(String unknown, Collection<String> known) {
        String best = closest(unknown, known);
        return best == null ? "" : "; did you mean " + best + "?";
    }

    public static String closest(String unknown, Collection<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(u, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        int limit = Math.max(2, u.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
