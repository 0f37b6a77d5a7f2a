package org.tessa.people;

/**
 * Someone can no longer do the work they hold (their account is deactivated, or their role changed): published in
 * that change's transaction, so the task list hands their tasks back to their teams' queues in it too.
 *
 * @param username  whose work it is
 * @param why       in words, for the case record ("Dana Mercer's account was deactivated")
 * @param by        the administrator who made the change
 */
public record WorkHandedBack(String username, String why, String by) {
}
