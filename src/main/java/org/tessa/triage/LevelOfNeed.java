package org.tessa.triage;

/** Where a child's needs sit on the council's continuum of need. */
public enum LevelOfNeed {
    UNIVERSAL("Universal", "needs that everyday services such as schools and health visitors meet"),
    EARLY_HELP("Early help", "extra help from the school or a Family Hub before problems grow"),
    TARGETED("Targeted support", "coordinated support from more than one service"),
    SPECIALIST("Specialist", "specialist or statutory services, such as children's social care");

    private final String label;
    private final String meaning;

    LevelOfNeed(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
