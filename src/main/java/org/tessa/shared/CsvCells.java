package org.tessa.shared;

/** Cells of the CSV files TESSA offers for download. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * A CSV cell, quoted; text a spreadsheet would run as a formula (starting =, +, -, @) is prefixed with an
     * apostrophe so that opening the file runs nothing.
     */
    public static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
