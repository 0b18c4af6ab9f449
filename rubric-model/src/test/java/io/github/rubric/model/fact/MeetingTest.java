package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A meeting keeps its own copy of the absentees and computes attendance from the recorded counts. */
class MeetingTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);

    @Test
    void keepsAnImmutableCopyOfTheAbsentees() {
        // GIVEN a mutable list of absentees
        List<String> absentees = new ArrayList<>(List.of("张三"));

        // WHEN a meeting is built and the list changes afterwards
        Meeting meeting = meeting(9, 10, absentees);
        absentees.add("李四");

        // THEN the meeting keeps the names given and cannot be changed through its list
        assertThat(meeting.absentees()).containsExactly("张三");
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> meeting.absentees().add("王五"));
    }

    @Test
    void readsAbsentAbsenteesAsNone() {
        // GIVEN / WHEN
        Meeting meeting = meeting(10, 10, null);

        // THEN
        assertThat(meeting.absentees()).isEmpty();
    }

    @Test
    void buildsAMeetingWithOnlyItsKindAndDay() {
        // GIVEN / WHEN
        Meeting meeting = Meeting.of("m1", MeetingType.COMMITTEE_MEETING, DAY);

        // THEN
        assertThat(meeting.id()).isEqualTo("m1");
        assertThat(meeting.type()).isEqualTo(MeetingType.COMMITTEE_MEETING);
        assertThat(meeting.date()).isEqualTo(DAY);
        assertThat(meeting.attended()).isNull();
        assertThat(meeting.expected()).isNull();
        assertThat(meeting.absentees()).isEmpty();
        assertThat(meeting.ledBy()).isNull();
        assertThat(meeting.recordFlaw()).isNull();
        assertThat(meeting.topic()).isNull();
        assertThat(meeting.monthsAllowedAfterPeriod()).isZero();
    }

    @ParameterizedTest(name = "{0} of {1} -> {2} %")
    @CsvSource({
        "10, 10, 100",
        "9, 10, 90",
        "2, 3, 66",
        "0, 12, 0",
        "11, 10, 110",
        "5, 0, -1",
        ", 10, -1",
        "5, , -1"})
    void computesTheAttendancePercentTruncatedOrMinusOneWhenUnknown(Integer attended, Integer expected, int percent) {
        // GIVEN / WHEN / THEN
        assertThat(meeting(attended, expected, List.of()).attendancePercent()).isEqualTo(percent);
    }

    private static Meeting meeting(Integer attended, Integer expected, List<String> absentees) {
        return new Meeting("m1", MeetingType.GENERAL_MEETING, DAY, attended, expected, absentees, null, null, null);
    }
}
