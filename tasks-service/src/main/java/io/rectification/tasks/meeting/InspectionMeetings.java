package io.rectification.tasks.meeting;

import java.util.List;

/**
 * An inspection's meetings, with the version of the list: what a later If-None-Match names to be told it
 * has not changed (304), as a task's version is for its evidence. The inspection's own version is no such
 * thing (a meeting held or changed does not move it), so the list's is counted from the meetings shown:
 * each one for being there, its own version (which its minutes and a decision done move), and one for each
 * decision whose task has been cancelled (撤销) since, which the decision shows without the meeting's version
 * moving. Every change the list shows moves that sum up, and nothing moves it down: a meeting is never
 * removed and a cancelled task never stands again. Counted from the answer itself, the tag never claims
 * a change the list it came with does not show. It versions no record, so no If-Match takes it.
 */
public record InspectionMeetings(List<MeetingView> meetings, long version) {

    static InspectionMeetings of(List<MeetingView> meetings) {
        long version = meetings.stream().mapToLong(meeting -> 1 + meeting.version()
                + meeting.decisions().stream().filter(d -> d.taskCancelledAt() != null).count()).sum();
        return new InspectionMeetings(meetings, version);
    }
}
