package org.tessa.enquiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Send response to referrer": posts to the outbox what the referrer has not yet been sent. */
@Component("sendResponseToReferrer")
class SendResponseToReferrer implements JavaDelegate {

    private final ReferrerResponses responses;

    SendResponseToReferrer(ReferrerResponses responses) {
        this.responses = responses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        responses.deliverPending(execution.getProcessBusinessKey());
    }
}
