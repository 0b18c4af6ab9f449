package io.github.rubric.model.fact;

import java.time.LocalDate;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A meeting held, as recorded in the organisation's record books.
 *
 * @param id identifier
 * @param type kind of meeting
 * @param date day held
 * @param attended number present, if recorded
 * @param expected number who should have attended, if recorded
 * @param absentees names of those expected who did not attend
 * @param ledBy role of the person who led it (for a party lecture: who gave it), if recorded
 * @param recordFlaw what is wrong with the record (不规范, 作假), or absent when the record is sound
 * @param topic topic, if recorded
 */
public record Meeting(
        String id,
        MeetingType type,
        LocalDate date,
        Integer attended,
        Integer expected,
        List<String> absentees,
        Role ledBy,
        String recordFlaw,
        String topic) implements Dated {

    /** Validates the fields. */
    public Meeting {
        text(id, "id");
        required(type, "type");
        required(date, "date");
        notNegative(attended, "attended");
        notNegative(expected, "expected");
        absentees = copy(absentees, "absentees");
    }

    /**
     * A meeting with only its kind and day.
     *
     * @param id identifier
     * @param type kind
     * @param date day held
     * @return the meeting
     */
    public static Meeting of(String id, MeetingType type, LocalDate date) {
        return new Meeting(id, type, date, null, null, List.of(), null, null, null);
    }

    /** @return attended divided by expected as a percentage, or -1 when either is unknown or none was expected */
    public int attendancePercent() {
        if (attended == null || expected == null || expected == 0) {
            return -1;
        }
        return (int) ((attended * 100L) / expected);
    }

    @Override
    public String describe() {
        return date + " " + type.label();
    }
}
