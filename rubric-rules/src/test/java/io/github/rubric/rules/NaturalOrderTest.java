package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order of evidence ids and reasons: runs of digits compare as numbers, so {@code meetings[9]} comes before
 * {@code meetings[10]} and 第2季度 before 第10季度.
 */
class NaturalOrderTest {
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "meetings[9], meetings[10]",
        "meetings[2], meetings[11]",
        "dues[0], meetings[0]",
        "第2季度党费未上交, 第10季度党费未上交",
        "m9, meetings[0]",
        "a7, a007x",
        "a07, a8",
        "x, x1",
        "１, ２",
    })
    void putsTheFirstBeforeTheSecond(String first, String second) {
        // GIVEN / WHEN / THEN
        assertThat(EvidenceIndex.compareNatural(first, second)).isNegative();
        assertThat(EvidenceIndex.compareNatural(second, first)).isPositive();
    }

    @Test
    void takesLeadingZerosAsTheSameNumber() {
        // GIVEN / WHEN / THEN
        assertThat(EvidenceIndex.compareNatural("item 007", "item 7")).isZero();
        assertThat(EvidenceIndex.compareNatural("0", "000")).isZero();
    }

    @Test
    void ordersLikeNumbersCutOutAndComparedForManyGeneratedTexts() {
        // GIVEN texts of letters, zeros and digits, and the order spelt out the slow way: each run of digits cut out,
        // its leading zeros dropped, compared by length and then digit by digit
        List<String> texts = texts("ab0019[]项", 400, 6, 7);

        // WHEN / THEN every pair compares with the same sign both ways
        for (String a : texts) {
            for (String b : texts) {
                assertThat(Integer.signum(EvidenceIndex.compareNatural(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(spelledOut(a, b)));
            }
        }
    }

    @Test
    void ordersTextsWithALongCommonStartLikeTheirEnds() {
        // GIVEN texts after a start they share, one that ends in letters and one that ends in a run of digits
        List<String> ends = texts("ab0019项", 150, 4, 11);

        // WHEN / THEN each pair compares as the slow way has it
        for (String start : List.of("2023年第", "2023年0", "meetings[1", "x00")) {
            for (String a : ends) {
                for (String b : ends) {
                    assertThat(Integer.signum(EvidenceIndex.compareNatural(start + a, start + b)))
                            .as("%s vs %s", start + a, start + b)
                            .isEqualTo(Integer.signum(spelledOut(start + a, start + b)));
                }
            }
        }
    }

    /** @return {@code count} texts of up to {@code longest} characters drawn from {@code alphabet} */
    private static List<String> texts(String alphabet, int count, int longest, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(longest + 1);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** The order, by cutting each run of digits out as a string. */
    private static int spelledOut(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(startA, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(startB, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
