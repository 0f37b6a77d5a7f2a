package org.tessa.signposting;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tessa.enquiry.EnquiryService;
import org.tessa.people.StaffMember;

/** Where an enquiry was signposted and how each signpost stands, for everyone who may read the enquiry. */
@Controller
class SignpostsController {

    static final String SIGNPOSTS_VIEW = "signposting/signposts";

    private final SignpostService signposts;
    private final EnquiryService enquiries;

    SignpostsController(SignpostService signposts, EnquiryService enquiries) {
        this.signposts = signposts;
        this.enquiries = enquiries;
    }

    @GetMapping("/enquiries/{reference}/signposts")
    String signposts(@PathVariable String reference, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("enquiry", enquiries.read(reference, person, "Viewed signposts"));
        model.addAttribute("signposts", signposts.signpostsFor(reference));
        return SIGNPOSTS_VIEW;
    }
}
