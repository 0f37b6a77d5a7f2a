package org.tessa.people;

import java.time.Duration;

/** What people are told about their accounts. */
final class AccountLetters {

    private AccountLetters() {
    }

    static String invitation(String name, String username, String link, Duration validFor) {
        return """
                Dear %s,

                You have been given an account on TESSA, the council's service for schools' worries about children.
                Your username is %s. Choose your password here (the link works once, for %s):

                %s

                If you were not expecting this, you can ignore it.""".formatted(name, username, inWords(validFor), link);
    }

    static String reset(String name, String username, String link, Duration validFor) {
        return """
                Dear %s,

                Someone asked to set a new password for the TESSA account %s. If it was you, choose it here (the link
                works once, for %s):

                %s

                If it was not you, you can ignore this: your password has not changed.""".formatted(name, username,
                inWords(validFor), link);
    }

    private static String inWords(Duration validFor) {
        long days = validFor.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day" : " days");
        }
        long hours = Math.max(1, validFor.toHours());
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
