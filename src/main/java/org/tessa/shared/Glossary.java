package org.tessa.shared;

import java.util.Map;
import java.util.TreeMap;

/** The acronyms TESSA uses and what they mean, so that nobody has to ask. */
public final class Glossary {

    public static final Map<String, String> ACRONYMS = new TreeMap<>(Map.ofEntries(
            Map.entry("AP", "alternative provision"),
            Map.entry("CIN", "child in need"),
            Map.entry("CP", "child protection"),
            Map.entry("CSC", "children's social care"),
            Map.entry("DSL", "designated safeguarding lead"),
            Map.entry("EHC plan", "education, health and care plan"),
            Map.entry("EHCNA", "education, health and care needs assessment"),
            Map.entry("FH", "family hub"),
            Map.entry("LA", "local authority"),
            Map.entry("MASH", "multi-agency safeguarding hub"),
            Map.entry("NFA", "no further action"),
            Map.entry("PRU", "pupil referral unit"),
            Map.entry("SENCO", "special educational needs coordinator"),
            Map.entry("SEND", "special educational needs and disabilities"),
            Map.entry("TESSA", "triage, education, school support and advice"),
            Map.entry("UPN", "unique pupil number"),
            Map.entry("URN", "unique reference number (of a school)"),
            Map.entry("WFP", "Ways Forward Panel")));

    private Glossary() {
    }

    /** The acronyms that {@code text} uses, as whole words, with their meanings, in the glossary's order. */
    public static Map<String, String> usedIn(String text) {
        Map<String, String> used = new java.util.LinkedHashMap<>();
        ACRONYMS.forEach((acronym, meaning) -> {
            if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(acronym) + "\\b").matcher(text).find()) {
                used.put(acronym, meaning);
            }
        });
        return used;
    }
}
