package org.tessa.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there are no default passwords: a new installation gets its first administrator
 * from TESSA_FIRST_ADMIN_USERNAME and TESSA_FIRST_ADMIN_PASSWORD, once, while no account exists.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffDirectory directory;
    private final String username;
    private final String password;

    FirstAdministrator(StaffDirectory directory, @Value("${tessa.first-admin.username:}") String username,
            @Value("${tessa.first-admin.password:}") String password) {
        this.directory = directory;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || directory.hasAccounts()) {
            return;
        }
        if (password.length() < PasswordRules.SHORTEST) {
            throw new IllegalStateException("TESSA_FIRST_ADMIN_PASSWORD must be at least 12 characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordRules.MOST_BYTES) {
            throw new IllegalStateException("TESSA_FIRST_ADMIN_PASSWORD must be no more than 72 bytes (BCrypt keeps no more)");
        }
        directory.addAccount(username, password, "Administrator", Role.ADMIN, null);
        log.info("Created the first administrator account '{}'", username);
    }
}
