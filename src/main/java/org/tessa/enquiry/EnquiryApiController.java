package org.tessa.enquiry;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tessa.people.StaffMember;

@RestController
@RequestMapping("/api/enquiries")
@Tag(name = "Enquiries", description = "A school's enquiry about a child")
class EnquiryApiController {

    private final EnquiryService enquiries;
    private final EnquiryUpdates updates;
    private final Chronologies chronologies;

    EnquiryApiController(EnquiryService enquiries, EnquiryUpdates updates, Chronologies chronologies) {
        this.enquiries = enquiries;
        this.updates = updates;
        this.chronologies = chronologies;
    }

    @PostMapping
    @Operation(summary = "Log an enquiry", description = "School staff log for their own school; duty managers "
            + "log a hotline call for the school given by schoolUrn (channel PHONE).")
    ResponseEntity<LoggedEnquiry> log(@RequestBody NewEnquiry enquiry,
            @Parameter(description = "Makes a retried request return the enquiry the first one logged")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @AuthenticationPrincipal StaffMember caller) {
        Optional<String> key = Optional.ofNullable(idempotencyKey).filter(k -> !k.isBlank());
        LoggedEnquiry logged;
        try {
            logged = enquiries.log(enquiry, caller, Channel.API, key);
        } catch (DuplicateKeyException sameKeyArrivedTwiceAtOnce) {
            logged = enquiries.log(enquiry, caller, Channel.API, key);
        }
        return ResponseEntity.created(URI.create("/api/enquiries/" + logged.reference())).body(logged);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "Read an enquiry", description = "Its status, outcome once closed, and the responses sent "
            + "to the referrer. Another school's enquiry answers 404, exactly like a missing one.")
    EnquiryRecord read(@PathVariable String reference, @AuthenticationPrincipal StaffMember caller) {
        return enquiries.read(reference, caller, "API read");
    }

    @GetMapping
    @PreAuthorize(EnquiryController.LISTS_ENQUIRIES)
    @Operation(summary = "List the enquiries the caller may see, newest first")
    List<EnquirySummary> list(@AuthenticationPrincipal StaffMember caller) {
        return enquiries.list(caller, "API list");
    }

    @GetMapping("/{reference}/chronology")
    @Operation(summary = "Read the child's chronology", description = "Every event about the child across every "
            + "enquiry about them that the caller may read, oldest first, limited to what the caller's role may see. "
            + "Another school's enquiry answers 404, exactly like a missing one.")
    List<ChronologyEntry> chronology(@PathVariable String reference, @AuthenticationPrincipal StaffMember caller) {
        return chronologies.of(reference, caller, Set.of()).entries();
    }

    @PostMapping("/{reference}/information")
    @Operation(summary = "Add information to an open enquiry", description = "The referring school's staff only. "
            + "It reaches whoever holds the case now, and the chronology. 409 once the enquiry is closed or withdrawn.")
    ResponseEntity<ChronologyEntry> addInformation(@PathVariable String reference, @RequestBody Text body,
            @AuthenticationPrincipal StaffMember caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ChronologyEntry.of(updates.addInformation(reference, body.text(), caller)));
    }

    @PostMapping("/{reference}/notes")
    @Operation(summary = "Add a case note", description = "Council staff and the case's lead professional; schools "
            + "and partner organisations do not see case notes.")
    ResponseEntity<ChronologyEntry> addCaseNote(@PathVariable String reference, @RequestBody Text body,
            @AuthenticationPrincipal StaffMember caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ChronologyEntry.of(updates.addCaseNote(reference, body.text(), caller)));
    }

    @PostMapping("/{reference}/withdrawal")
    @Operation(summary = "Withdraw an enquiry", description = "The referring school's staff, while the enquiry "
            + "waits for triage or is in triage; the triage task ends. 409, saying why, once it has been triaged.")
    EnquiryRecord withdraw(@PathVariable String reference, @RequestBody Withdrawal body,
            @AuthenticationPrincipal StaffMember caller) {
        updates.withdraw(reference, body.reason(), caller);
        return enquiries.read(reference, caller, "Withdrew the enquiry");
    }

    /** @param text what to add, up to 5,000 characters */
    record Text(String text) {
    }

    /** @param reason why the school withdraws the enquiry, up to 5,000 characters */
    record Withdrawal(String reason) {
    }
}
