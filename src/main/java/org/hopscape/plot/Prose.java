package org.hopscape.plot;

import java.util.Locale;

/**
 * A sentence of a notebook's prose that states an outcome, generated from the measured values so that it cannot
 * contradict them (issue 13). Shown by the kernel as Markdown (MathJax works in it); {@link #toString} is the text.
 * Numbers go in through {@link Numbers#format} ({@link #of} formats doubles that way itself).
 */
public record Prose(String markdown) {
    public Prose {
        if (markdown == null || markdown.isBlank()) throw new IllegalArgumentException("markdown must not be blank");
    }

    /**
     * {@code String.format(Locale.ROOT, template, args)} where every {@code Double} argument is first written by
     * {@link Numbers#format(double)} (3 significant digits) — use {@code %s} for them.
     */
    public static Prose of(String template, Object... args) {
        Object[] a = args.clone();
        for (int i = 0; i < a.length; i++) if (a[i] instanceof Double d) a[i] = Numbers.format(d);
        return new Prose(String.format(Locale.ROOT, template, a));
    }

    @Override
    public String toString() {
        return markdown;
    }
}
