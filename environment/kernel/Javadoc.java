package org.hopscape.kit;

import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JShell {@link SourceCodeAnalysis.Documentation} (signature + raw doc comment) as the inspector shows it: the
 * signature, the description, then Parameters / Returns / Throws / See. Inline tags ({@code {@code}},
 * {@code {@link}}, {@code {@literal}}) are resolved; the HTML form keeps the comment's own HTML, the plain form
 * strips it.
 */
final class Javadoc {
    private Javadoc() {}

    record Tag(String name, String text) {}

    record Parsed(String description, List<Tag> tags) {}

    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\s?");
    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value|inheritDoc)\\s*([^{}]*(?:\\{[^{}]*\\}[^{}]*)*)\\}");

    static Parsed parse(String comment) {
        if (comment == null) return new Parsed("", List.of());
        Matcher m = BLOCK_TAG.matcher(comment);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        String description = (starts.isEmpty() ? comment : comment.substring(0, starts.getFirst()[0])).strip();
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : comment.length();
            tags.add(new Tag(names.get(i), comment.substring(starts.get(i)[1], to).strip()));
        }
        return new Parsed(description, tags);
    }

    /** Resolve inline tags; {@code html} keeps markup, otherwise plain text. */
    static String inline(String text, boolean html) {
        Matcher m = INLINE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tag = m.group(1), body = m.group(2).strip();
            String out = switch (tag) {
                case "code" -> html ? "<code>" + escape(body) + "</code>" : body;
                case "literal" -> html ? escape(body) : body;
                case "link", "linkplain", "value" -> {
                    int end = referenceEnd(body); // "Digits#sample(int, long) label": the reference may hold spaces
                    String label = end < body.length() ? body.substring(end).strip()
                            : body.replace('#', '.').replaceFirst("^\\.", "");
                    yield html ? "<code>" + escape(label) + "</code>" : label;
                }
                default -> "";
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(out));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Where the reference of a {@code {@link}} ends: at the first blank outside parentheses. */
    static int referenceEnd(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (Character.isWhitespace(c) && depth == 0) return i;
        }
        return body.length();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** HTML of a comment as plain text: paragraphs, list items, entities. */
    static String strip(String html) {
        String s = html.replaceAll("(?i)<\\s*(p|br)\\s*/?>", "\n\n").replaceAll("(?i)<\\s*li\\s*>", "\n- ")
                .replaceAll("<[^>]+>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        return s.replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").replaceAll("(?<!\\n)\\n(?![\\n-])", " ").strip();
    }

    private static final List<String[]> SECTIONS = List.of(
            new String[] {"param", "Parameters"}, new String[] {"return", "Returns"},
            new String[] {"throws", "Throws"}, new String[] {"exception", "Throws"}, new String[] {"see", "See also"});

    static String plain(SourceCodeAnalysis.Documentation doc) {
        StringBuilder sb = new StringBuilder(doc.signature());
        Parsed p = parse(doc.javadoc());
        if (!p.description().isEmpty()) sb.append("\n\n").append(strip(inline(p.description(), false)));
        String last = null;
        for (Tag t : ordered(p.tags())) {
            String section = section(t.name());
            if (section == null) continue;
            if (!section.equals(last)) sb.append("\n\n").append(section).append(':');
            last = section;
            sb.append("\n  ").append(strip(inline(t.text(), false)).replaceFirst("^(\\S+)\\s+", t.name().equals("param") || t.name().equals("throws") || t.name().equals("exception") ? "$1 – " : "$1 "));
        }
        return sb.toString();
    }

    static String html(SourceCodeAnalysis.Documentation doc) {
        StringBuilder sb = new StringBuilder("<pre><code>").append(escape(doc.signature())).append("</code></pre>");
        Parsed p = parse(doc.javadoc());
        if (!p.description().isEmpty()) sb.append("<div>").append(inline(p.description(), true)).append("</div>");
        String last = null;
        for (Tag t : ordered(p.tags())) {
            String section = section(t.name());
            if (section == null) continue;
            if (!section.equals(last)) sb.append(last == null ? "" : "</dl>").append("<dl><dt><b>").append(section).append("</b></dt>");
            last = section;
            String text = inline(t.text(), true);
            if (t.name().equals("param") || t.name().equals("throws") || t.name().equals("exception")) {
                String[] nt = text.split("\\s+", 2);
                text = "<code>" + nt[0] + "</code>" + (nt.length > 1 ? " – " + nt[1] : "");
            }
            sb.append("<dd>").append(text).append("</dd>");
        }
        if (last != null) sb.append("</dl>");
        return sb.toString();
    }

    private static String section(String tag) {
        for (String[] s : SECTIONS) if (s[0].equals(tag)) return s[1];
        return null;
    }

    private static List<Tag> ordered(List<Tag> tags) {
        List<Tag> out = new ArrayList<>();
        for (String[] s : SECTIONS) for (Tag t : tags) if (t.name().equals(s[0])) out.add(t);
        return out;
    }
}
