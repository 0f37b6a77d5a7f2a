package org.tessa.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbescape.html.HtmlEscape;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acronyms TESSA and its people use and what they mean, so that nobody has to ask: the one list behind the
 * glossary page, the scrutiny report's acronym table and the gentle warnings about acronyms in free text.
 * Administrators add terms.
 */
@Service
public class Glossary {

    /** Two or more capitals (and digits) standing as a word: what reads as an acronym. */
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z][A-Z0-9]+\\b");
    private static final Pattern TERM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 '\\-]{0,38}[A-Za-z0-9]");
    static final int MEANING_LENGTH = 300;

    private final JdbcClient jdbc;
    private final Clock clock;

    Glossary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every term and its meaning, in alphabetical order. */
    public Map<String, String> terms() {
        Cached cached = this.cached;
        if (cached == null || cached.readAt().plus(KEPT_FOR).isBefore(machineClock.instant())) {
            Map<String, String> terms = new LinkedHashMap<>();
            jdbc.sql("select term, meaning from glossary_term order by lower(term)")
                    .query(rs -> {
                        terms.put(rs.getString("term"), rs.getString("meaning"));
                    });
            cached = new Cached(Map.copyOf(terms), terms, machineClock.instant());
            this.cached = cached;
        }
        return cached.inOrder();
    }

    /**
     * The text, HTML-escaped, with each glossary term in it explained by an {@code <abbr>} (unless brackets after it
     * already explain it): what {@code tessa:explain} writes into a page.
     */
    public String explained(String text) {
        Map<String, String> terms = terms();
        String escaped = HtmlEscape.escapeHtml5(text == null ? "" : text);
        if (terms.isEmpty()) {
            return escaped;
        }
        Pattern anyTerm = Pattern.compile("\\b(" + terms.keySet().stream().sorted((a, b) -> b.length() - a.length())
                .map(term -> Pattern.quote(HtmlEscape.escapeHtml5(term))).collect(Collectors.joining("|")) + ")\\b");
        Matcher found = anyTerm.matcher(escaped);
        StringBuilder explained = new StringBuilder();
        while (found.find()) {
            String term = HtmlEscape.unescapeHtml(found.group(1));
            boolean bracketed = escaped.substring(found.end()).stripLeading().startsWith("(");
            found.appendReplacement(explained, Matcher.quoteReplacement(bracketed ? found.group(1)
                    : "<abbr title=\"" + HtmlEscape.escapeHtml5(terms.get(term)) + "\">" + found.group(1) + "</abbr>"));
        }
        found.appendTail(explained);
        return explained.toString();
    }

    /** The glossary as last read; a term an administrator adds elsewhere shows within {@link #KEPT_FOR}. */
    private record Cached(Map<String, String> terms, Map<String, String> inOrder, Instant readAt) {
    }

    private static final Duration KEPT_FOR = Duration.ofMinutes(1);
    /** The cache lapses in real time, whatever the service's clock says (tests move that one through the years). */
    private final Clock machineClock = Clock.systemUTC();
    private volatile Cached cached;

    /** The terms that {@code text} uses, as whole words, with their meanings, in alphabetical order. */
    public Map<String, String> usedIn(String text) {
        Map<String, String> used = new LinkedHashMap<>();
        terms().forEach((term, meaning) -> {
            if (Pattern.compile("\\b" + Pattern.quote(term) + "\\b").matcher(text).find()) {
                used.put(term, meaning);
            }
        });
        return used;
    }

    /**
     * What to point out in text someone saved: each acronym it uses without spelling it out (its meaning nowhere in
     * the text, nor in brackets just after it). Advice only: nothing is refused.
     */
    public List<String> unexplainedIn(String... texts) {
        Map<String, String> terms = terms();
        Set<String> pointedOut = new LinkedHashSet<>();
        List<String> advice = new ArrayList<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher acronyms = ACRONYM.matcher(text);
            while (acronyms.find()) {
                String acronym = acronyms.group();
                String meaning = terms.get(acronym);
                boolean bracketed = text.substring(acronyms.end()).stripLeading().startsWith("(");
                boolean spelt = meaning != null && text.toLowerCase(Locale.UK).contains(meaning.toLowerCase(Locale.UK));
                if (bracketed || spelt || !pointedOut.add(acronym)) {
                    continue;
                }
                advice.add(meaning != null
                        ? acronym + ": write \u201c" + capitalised(meaning) + " (" + acronym + ")\u201d the first time, "
                                + "so that the family, and the child later, can read it."
                        : acronym + ": write what it stands for the first time. An administrator can add it to the "
                                + "glossary.");
            }
        }
        return advice;
    }

    /** Adds a term; one already in the glossary, or a term or meaning out of shape, is refused saying why. */
    @Transactional
    public void add(String term, String meaning, String addedBy) {
        String t = term == null ? "" : term.strip();
        String m = meaning == null ? "" : meaning.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (!TERM.matcher(t).matches()) {
            problems.add(new FieldProblem("term", "Enter the term, 2 to 40 letters, digits, spaces or hyphens"));
        } else if (terms().keySet().stream().anyMatch(known -> known.equalsIgnoreCase(t))) {
            problems.add(new FieldProblem("term", t + " is already in the glossary"));
        }
        if (m.isEmpty() || m.length() > MEANING_LENGTH) {
            problems.add(new FieldProblem("meaning", "Enter what it means, in up to 300 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSubmissionException(problems);
        }
        jdbc.sql("insert into glossary_term (term, meaning, added_by, added_at) values (?, ?, ?, ?)")
                .params(t, m, addedBy, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        cached = null;
    }

    private static String capitalised(String meaning) {
        return meaning.isEmpty() ? meaning : Character.toUpperCase(meaning.charAt(0)) + meaning.substring(1);
    }
}
