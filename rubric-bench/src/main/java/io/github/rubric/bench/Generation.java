package io.github.rubric.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What every subject generator draws the same way: members' names and days within a month. */
public final class Generation {
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"明", "华", "强", "伟", "芳", "娜", "敏", "静", "丽", "军", "洋", "勇", "艳", "杰", "涛", "超"};

    private Generation() {
    }

    /**
     * @param r the subject's random numbers
     * @return a two-character name (surname and given name)
     */
    public static String name(SplittableRandom r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    /**
     * @param members how many
     * @param r the subject's random numbers
     * @return that many members' names; from the 65th on a number keeps them apart
     */
    public static List<String> names(int members, SplittableRandom r) {
        List<String> names = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            names.add(name(r) + (i >= 64 ? String.valueOf(i) : ""));
        }
        return names;
    }

    /**
     * @param r the subject's random numbers
     * @param year the year
     * @param month the month, 1 to 12
     * @return a day of that month
     */
    public static LocalDate dayIn(SplittableRandom r, int year, int month) {
        YearMonth m = YearMonth.of(year, month);
        return m.atDay(1 + r.nextInt(m.lengthOfMonth()));
    }
}
