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

    /**
     * A name from the trace as a message quotes it: at most {@value #SHOWN} characters, longer
     * ones cut with an ellipsis and their length, so a line of megabytes gives a short message.
     */
    public static String shown(String name) {
        return name.length() <= SHOWN ? name : name.substring(0, SHOWN) + "… (" + name.length() + " characters)";
    }

    private static final int SHOWN = 80;

    public static String closest(String unknown, Collection<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(2, u.length() / 3);
        for (String k : known) {
            // The distance is at least the difference in length: skip the quadratic work when that
            // is already too far (a name of megabytes against the catalog's short ones).
            int floor = Math.abs(u.length() - k.length());
            if (floor > limit || floor >= bestDistance) {
                continue;
            }
            int d = distance(u, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
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
