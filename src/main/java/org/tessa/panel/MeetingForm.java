package org.tessa.panel;

import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.tessa.shared.FitsColumn;

/** The form for scheduling a panel meeting. */
public class MeetingForm {

    static final java.util.List<String> FIELDS = java.util.List.of("day", "month", "year", "time", "place", "onlineLink",
            "chair", "members");

    @Pattern(regexp = "\\d{1,2}", message = "Enter the day of the meeting")
    private String day;
    @Pattern(regexp = "\\d{1,2}", message = "Enter the month of the meeting")
    private String month;
    @Pattern(regexp = "\\d{4}", message = "Enter the year of the meeting, like 2027")
    private String year;
    @Pattern(regexp = "([01]?\\d|2[0-3]):[0-5]\\d", message = "Enter the start time in 24-hour time, like 13:30")
    private String time;
    @NotBlank(message = "Enter where the panel meets, or Online")
    @FitsColumn(table = "panel_meeting", column = "place", label = "The place")
    private String place;
    @Pattern(regexp = "(https?://\\S+)?", message = "Enter the online link starting with https://, or leave it empty")
    private String onlineLink;
    @NotBlank(message = "Enter the name of the chair")
    @FitsColumn(table = "panel_meeting", column = "chair", label = "The name of the chair")
    private String chair;
    @NotBlank(message = "Enter who sits on the panel")
    @FitsColumn(table = "panel_meeting", column = "members", label = "The members")
    private String members;

    /** The meeting's start, or null when the date is not a real one. */
    LocalDateTime startsAt() {
        try {
            return LocalDateTime.of(org.tessa.shared.DateBoxes.parse(day, month, year).orElseThrow(),
                    LocalTime.parse(time.length() == 4 ? "0" + time : time));
        } catch (RuntimeException notADate) {
            return null;
        }
    }

    public String getDay() { return day; }
    public void setDay(String day) { this.day = day; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
    public String getYear() { return year; }
    public void setYear(String year) { this.year = year; }
    public String getTime() { return time; }
    public void setTime(String time) { this.time = time; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getOnlineLink() { return onlineLink; }
    public void setOnlineLink(String onlineLink) { this.onlineLink = onlineLink; }
    public String getChair() { return chair; }
    public void setChair(String chair) { this.chair = chair; }
    public String getMembers() { return members; }
    public void setMembers(String members) { this.members = members; }
}
