package org.tessa.people;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** When each person last signed in through the sign-in page (an API request signs nobody in). */
@Component
class SignInRecorder {

    private final Accounts accounts;

    SignInRecorder(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        accounts.signedIn(event.getAuthentication().getName());
    }
}
