package org.tessa.signposting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tessa.people.Role;
import org.tessa.people.StaffMember;
import org.tessa.shared.FitsColumn;

@RestController
@Tag(name = "Portals", description = "What portals report back, such as the MASH's decisions")
class PortalDecisionApiController {

    private final SignpostService signposts;

    PortalDecisionApiController(SignpostService signposts) {
        this.signposts = signposts;
    }

    @PostMapping("/api/portals/{portal}/decisions")
    @Operation(summary = "Report a portal's decision on a referral", description = "Only the portal's own system "
            + "account may report for it (403 otherwise). 404 if the enquiry was not referred to this portal; "
            + "409 if the referral is not waiting for a decision.")
    ResponseEntity<Void> report(@PathVariable String portal, @Valid @RequestBody DecisionReport report,
            @AuthenticationPrincipal StaffMember caller) {
        if (!caller.hasRole(Role.PORTAL) || !caller.portalCode().filter(portal::equals).isPresent()) {
            throw new AccessDeniedException("Only the " + portal + " system account reports its decisions");
        }
        signposts.receiveDecision(portal, report.enquiryReference(), report.decision(), report.reference().strip());
        return ResponseEntity.noContent().build();
    }

    /**
     * @param reference the portal's own reference for its decision
     */
    record DecisionReport(
            @NotBlank(message = "Give the TESSA enquiry reference") String enquiryReference,
            @NotNull(message = "Give the decision") MashDecision decision,
            @NotBlank(message = "Give your reference for the decision")
            @FitsColumn(table = "signpost", column = "decision_reference", label = "The reference") String reference) {
    }
}
