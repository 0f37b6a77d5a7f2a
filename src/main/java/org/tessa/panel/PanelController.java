package org.tessa.panel;

import java.time.Clock;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tessa.plan.PlanService;
import org.tessa.people.StaffMember;
import org.tessa.shared.ColumnSizes;
import org.tessa.shared.FormErrors;
import org.tessa.shared.RecordNotFoundException;
import org.tessa.shared.WorkingDayCalendar;

/** Panel meetings and their agendas, for panel members and administrators. */
@Controller
@PreAuthorize("hasAnyRole('PANEL_MEMBER','ADMIN')")
class PanelController {

    static final String PANEL_VIEW = "panel/meetings";
    static final String MEETING_FORM_VIEW = "panel/new-meeting";
    static final String AGENDA_VIEW = "panel/agenda";
    static final String PACK_VIEW = "panel/pack";

    private final PanelService panel;
    private final PlanService plans;
    private final PanelPapers papers;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ColumnSizes columns;

    PanelController(PanelService panel, PlanService plans, PanelPapers papers, WorkingDayCalendar calendar, Clock clock,
            ColumnSizes columns) {
        this.columns = columns;
        this.panel = panel;
        this.plans = plans;
        this.papers = papers;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/panel")
    String meetings(Model model) {
        model.addAttribute("meetings", panel.upcomingMeetings());
        model.addAttribute("awaitingDate", panel.awaitingDate());
        model.addAttribute("draftPlans", plans.drafts());
        return PANEL_VIEW;
    }

    @GetMapping("/panel/meetings/new")
    String newMeeting(Model model) {
        model.addAttribute("meeting", new MeetingForm());
        return MEETING_FORM_VIEW;
    }

    @PostMapping("/panel/meetings")
    String schedule(@Valid @ModelAttribute("meeting") MeetingForm form, BindingResult errors,
            @AuthenticationPrincipal StaffMember person, Model model, RedirectAttributes redirect) {
        var startsAt = form.startsAt();
        if (!errors.hasErrors() && startsAt == null) {
            errors.rejectValue("day", "date", "Enter a real date, like 27 3 2027");
        } else if (!errors.hasErrors() && startsAt.atZone(calendar.zone()).toInstant().isBefore(clock.instant())) {
            errors.rejectValue("day", "past", "The meeting must be in the future");
        }
        String link = form.getOnlineLink();
        if (link != null && link.strip().length() > columns.of("panel_meeting", "online_link")) {
            errors.rejectValue("onlineLink", "size", "The online link must be " + columns.of("panel_meeting", "online_link")
                    + " characters or fewer; copy the meeting's short link");
        }
        if (errors.hasErrors()) {
            model.addAttribute("errors", FormErrors.inPageOrder(errors, MeetingForm.FIELDS));
            return MEETING_FORM_VIEW;
        }
        panel.schedule(startsAt.atZone(calendar.zone()).toInstant(), form.getPlace().strip(),
                form.getOnlineLink() == null || form.getOnlineLink().isBlank() ? null : form.getOnlineLink().strip(),
                form.getChair().strip(), form.getMembers().strip(), person.getUsername());
        redirect.addFlashAttribute("flash", "The meeting is scheduled; cases waiting for a date have been placed");
        return "redirect:/panel";
    }

    /** The printable agenda pack: every case's papers, for the panel only. */
    @GetMapping("/panel/meetings/{id}/pack")
    String pack(@PathVariable long id, @AuthenticationPrincipal StaffMember person, Model model) {
        model.addAttribute("meeting", panel.meeting(id).orElseThrow(() -> new RecordNotFoundException("Meeting " + id)));
        model.addAttribute("cases", panel.agenda(id).stream()
                .map(item -> papers.forCase(item.enquiryReference(), person, "Panel agenda pack")).toList());
        return PACK_VIEW;
    }

    @PostMapping("/panel/meetings/{id}/start")
    String startNow(@PathVariable long id, @AuthenticationPrincipal StaffMember person, RedirectAttributes redirect) {
        panel.startNow(id, person.getUsername());
        redirect.addFlashAttribute("flash", "The meeting has started: its cases are in the panel's task list");
        return "redirect:/panel/meetings/" + id;
    }

    @GetMapping("/panel/meetings/{id}")
    String agenda(@PathVariable long id, Model model) {
        model.addAttribute("meeting", panel.meeting(id).orElseThrow(() -> new RecordNotFoundException("Meeting " + id)));
        model.addAttribute("agenda", panel.agenda(id));
        return AGENDA_VIEW;
    }
}
