package org.tessa.enquiry;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    EnquiryApiController(EnquiryService enquiries) {
        this.enquiries = enquiries;
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
    @Operation(summary = "List the enquiries the caller may see, newest first")
    List<EnquirySummary> list(@AuthenticationPrincipal StaffMember caller) {
        return enquiries.list(caller);
    }
}
